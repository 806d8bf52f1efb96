import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authEnvSchema } from "../../auth/auth-env-schema";
import { createAuthState } from "./auth-state";
import { authenticate } from "./authenticate";
import { logIn } from "./log-in";
import { MAX_CONCURRENT_SCRYPT, MAX_QUEUED_SCRYPT } from "./token-verifier";

const TOKEN = "s3cret-token-value-0123";

function hashState() {
  const salt = randomBytes(16);
  const N = 2 ** 14;
  const hash = scryptSync(TOKEN, salt, 32, { N, r: 8, p: 1 }).toString("base64");
  return createAuthState(
    authEnvSchema.parse({
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_HASH: `scrypt$${N}$8$1$${salt.toString("base64")}$${hash}`,
      RAFTSCOPE_PEER_STAMP_KEY: "stamp",
    }),
  );
}

describe("logIn under concurrency", () => {
  it("checks 5 of 200 simultaneous wrong tokens from one address and refuses the rest", async () => {
    const state = hashState();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () => logIn(state, "wrong-token-value", "10.0.0.9")),
    );
    expect(outcomes.filter((o) => o.kind === "wrong-token")).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === "rate-limited")).toHaveLength(195);
  }, 60_000);

  it("counts simultaneous wrong Bearer tokens the same way", async () => {
    const state = hashState();
    const headers = new Headers({
      authorization: "Bearer wrong-token-value",
      "x-raftscope-peer": "stamp 10.0.0.7",
    });
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, () => authenticate(state, headers)),
    );
    expect(outcomes.filter((o) => o.kind === "refused")).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === "rate-limited")).toHaveLength(95);
  }, 60_000);

  it("runs at most a few scrypt checks at once across addresses, refusing the overflow as busy", async () => {
    const state = hashState();
    const verifier = state.token?.verifier;
    let most = 0;
    const watch = setInterval(() => {
      most = Math.max(most, verifier?.scryptLoad.running ?? 0);
    }, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => logIn(state, "wrong-token-value", `10.1.0.${i}`)),
    );
    clearInterval(watch);
    expect(most).toBeLessThanOrEqual(MAX_CONCURRENT_SCRYPT);
    const checked = outcomes.filter((o) => o.kind === "wrong-token").length;
    expect(checked).toBe(MAX_CONCURRENT_SCRYPT + MAX_QUEUED_SCRYPT);
    expect(outcomes.filter((o) => o.kind === "rate-limited")).toHaveLength(60 - checked);
    // The right token still gets in once the burst is over.
    expect((await logIn(state, TOKEN, "10.2.0.1")).kind).toBe("signed-in");
  }, 60_000);
});
