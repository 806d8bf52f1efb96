import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSessionPayload, SESSION_MAX_AGE_MS } from "../../auth/session-payload";
import { SessionSigner } from "./session-signer";

const fingerprint = createHash("sha256").update("token-a").digest();
const signer = new SessionSigner("s".repeat(32), fingerprint);

describe("SessionSigner", () => {
  it("reads back its own cookie until it expires", () => {
    const payload = newSessionPayload("token user", 1_000);
    const cookie = signer.sign(payload);
    expect(signer.read(cookie, 2_000)).toEqual(payload);
    expect(signer.read(cookie, 1_000 + SESSION_MAX_AGE_MS)).toBeUndefined();
  });

  it("refuses a cookie whose payload or signature was changed", () => {
    const cookie = signer.sign(newSessionPayload("token user", 0));
    const [body = "", mac = ""] = cookie.split(".");
    const longer = Buffer.from(
      JSON.stringify({ v: 1, user: "admin", issuedAt: 0, expiresAt: 10 ** 13 }),
    ).toString("base64url");
    expect(signer.read(`${longer}.${mac}`, 1)).toBeUndefined();
    expect(signer.read(`${body}.${mac.slice(0, -2)}AA`, 1)).toBeUndefined();
    expect(signer.read(`${body}.${mac}.x`, 1)).toBeUndefined();
    expect(signer.read("garbage", 1)).toBeUndefined();
  });

  it("refuses cookies signed for another token or another server secret", () => {
    const cookie = signer.sign(newSessionPayload("token user", 0));
    const otherToken = new SessionSigner(
      "s".repeat(32),
      createHash("sha256").update("token-b").digest(),
    );
    const otherSecret = new SessionSigner("t".repeat(32), fingerprint);
    expect(otherToken.read(cookie, 1)).toBeUndefined();
    expect(otherSecret.read(cookie, 1)).toBeUndefined();
  });
});
