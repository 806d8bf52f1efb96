import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authEnvSchema } from "../../auth/auth-env-schema";
import { newSessionPayload } from "../../auth/session-payload";
import { createAuthState } from "./auth-state";
import { authenticate } from "./authenticate";

const TOKEN = "a-long-enough-test-token";

function tokenState() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "raftscope-auth-")), "token");
  writeFileSync(file, `${TOKEN}\n`);
  chmodSync(file, 0o600);
  return createAuthState(
    authEnvSchema.parse({
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_FILE: file,
      RAFTSCOPE_PEER_STAMP_KEY: "stamp",
      RAFTSCOPE_AUTH_PROXY_ADDRESSES: "10.0.0.5",
    }),
  );
}

function proxyState() {
  return createAuthState(
    authEnvSchema.parse({
      RAFTSCOPE_AUTH: "proxy",
      RAFTSCOPE_AUTH_PROXY_ADDRESSES: "10.0.0.0/24",
      RAFTSCOPE_PEER_STAMP_KEY: "stamp",
    }),
  );
}

describe("authenticate in token mode", () => {
  it("accepts a signed session cookie and refuses a request without one", async () => {
    const state = tokenState();
    const payload = newSessionPayload("token user", Date.now());
    const cookie = state.token?.signer.sign(payload);
    const ok = await authenticate(state, new Headers({ cookie: `raftscope_session=${cookie}` }));
    expect(ok).toEqual({
      kind: "allowed",
      user: { name: "token user", method: "session" },
      sessionExpiresAt: payload.expiresAt,
    });
    expect(await authenticate(state, new Headers())).toMatchObject({ kind: "refused" });
  });

  it("accepts the Bearer token, and refuses the sixth wrong one in a minute from one address", async () => {
    const state = tokenState();
    const from = (peer: string, token: string, xff?: string) =>
      new Headers({
        authorization: `Bearer ${token}`,
        "x-raftscope-peer": `stamp ${peer}`,
        ...(xff ? { "x-forwarded-for": xff } : {}),
      });
    expect(await authenticate(state, from("127.0.0.1", TOKEN), 0)).toMatchObject({
      kind: "allowed",
      user: { method: "bearer" },
    });
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(state, from("127.0.0.1", "wrong"), i)).toMatchObject({
        kind: "refused",
      });
    }
    expect(await authenticate(state, from("127.0.0.1", TOKEN), 6)).toEqual({
      kind: "rate-limited",
      retryAfterMs: 59_998,
    });
    // Another client behind the trusted proxy has its own count.
    expect(await authenticate(state, from("10.0.0.5", TOKEN, "203.0.113.9"), 7)).toMatchObject({
      kind: "allowed",
    });
  });

  it("does not believe a peer stamp with the wrong key", async () => {
    const state = tokenState();
    for (let i = 0; i < 5; i++) {
      await authenticate(
        state,
        new Headers({ authorization: "Bearer wrong", "x-raftscope-peer": `forged 10.9.9.${i}` }),
        i,
      );
    }
    // All five counted against "unknown", not five made-up addresses.
    expect(state.limiter.check("unknown", 10).allowed).toBe(false);
  });
});

describe("authenticate in proxy mode", () => {
  const identity = { "x-forwarded-user": "alice@example.com" };

  it("takes the identity header from a configured proxy address", async () => {
    const outcome = await authenticate(
      proxyState(),
      new Headers({ ...identity, "x-raftscope-peer": "stamp 10.0.0.7" }),
    );
    expect(outcome).toEqual({
      kind: "allowed",
      user: { name: "alice@example.com", method: "proxy" },
    });
  });

  it("refuses the header from any other address, from a forged stamp, or with no stamp", async () => {
    const state = proxyState();
    for (const peer of ["stamp 10.0.1.7", "forged 10.0.0.7", undefined]) {
      const headers = new Headers(identity);
      if (peer) headers.set("x-raftscope-peer", peer);
      headers.set("x-forwarded-for", "10.0.0.7");
      expect(await authenticate(state, headers)).toMatchObject({ kind: "refused" });
    }
  });

  it("refuses a configured proxy that sends no usable identity", async () => {
    const headers = new Headers({ "x-raftscope-peer": "stamp 10.0.0.7", "x-forwarded-user": " " });
    expect(await authenticate(proxyState(), headers)).toMatchObject({ kind: "refused" });
  });
});
