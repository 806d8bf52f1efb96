import "server-only";
import { type AuthUser, LOCAL_USER_NAME, TOKEN_USER_NAME } from "../../auth/auth-user";
import { proxyIdentitySchema } from "../../auth/proxy-identity";
import { readBearerToken, readCookie } from "../../auth/read-cookie";
import { SESSION_COOKIE } from "../../auth/session-payload";
import type { AuthState } from "./auth-state";
import { requestFacts } from "./request-facts";
import { BUSY_RETRY_MS } from "./token-verifier";

export type AuthOutcome =
  | {
      kind: "allowed";
      user: AuthUser;
      /** When the session cookie that let the request in expires (epoch ms); sessions only. */
      sessionExpiresAt?: number;
    }
  | { kind: "refused"; reason: string }
  | { kind: "rate-limited"; retryAfterMs: number };

/**
 * Decides who a request is, from its headers alone, the same way in proxy.ts, route handlers and
 * server components: a signed session cookie or a Bearer token in token mode, the identity
 * header from a configured proxy address in proxy mode, anyone in none mode (loopback only).
 */
export async function authenticate(
  state: AuthState,
  headers: Headers,
  now: number = Date.now(),
): Promise<AuthOutcome> {
  const { settings } = state;
  if (settings.mode === "none") {
    return { kind: "allowed", user: { name: LOCAL_USER_NAME, method: "none" } };
  }
  if (settings.mode === "proxy") {
    const { peer } = requestFacts(state, headers);
    if (peer === undefined || !state.isTrustedProxy(peer)) {
      return { kind: "refused", reason: "not from a configured proxy address" };
    }
    const identity = proxyIdentitySchema.safeParse(headers.get(settings.identityHeader));
    if (!identity.success) return { kind: "refused", reason: "no identity from the proxy" };
    return { kind: "allowed", user: { name: identity.data, method: "proxy" } };
  }
  const token = state.token;
  if (!token) return { kind: "refused", reason: "token mode without a token" };
  const session = token.signer.read(readCookie(headers.get("cookie"), SESSION_COOKIE), now);
  if (session) {
    return {
      kind: "allowed",
      user: { name: session.user, method: "session" },
      sessionExpiresAt: session.expiresAt,
    };
  }

  const bearer = readBearerToken(headers.get("authorization"));
  if (bearer === undefined) return { kind: "refused", reason: "no session" };
  // A Bearer token is a guess at the secret like a login is, so it shares the login's limit.
  const { clientAddress } = requestFacts(state, headers);
  // Counted before the check, so concurrent guesses cannot all slip past the limit.
  const before = state.limiter.reserve(clientAddress, now);
  if (!before.allowed) return { kind: "rate-limited", retryAfterMs: before.retryAfterMs };
  const result = await token.verifier.verify(bearer);
  if (result === "busy") return { kind: "rate-limited", retryAfterMs: BUSY_RETRY_MS };
  if (result === "ok") {
    state.limiter.recordSuccess(clientAddress);
    return { kind: "allowed", user: { name: TOKEN_USER_NAME, method: "bearer" } };
  }
  return { kind: "refused", reason: "wrong token" };
}
