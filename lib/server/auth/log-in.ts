import "server-only";
import { TOKEN_USER_NAME } from "../../auth/auth-user";
import { newSessionPayload, type SessionPayload } from "../../auth/session-payload";
import type { AuthState } from "./auth-state";
import { BUSY_RETRY_MS } from "./token-verifier";

export type LoginOutcome =
  | { kind: "signed-in"; cookieValue: string; payload: SessionPayload }
  | { kind: "wrong-token" }
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "not-token-mode" };

/**
 * One login attempt from `clientAddress`: refused outright while the address is locked out,
 * otherwise the attempt is counted before the token is checked (so concurrent attempts cannot
 * all pass the check) and cleared again when the token is right. The fifth wrong token is a
 * 401 and the sixth a 429; so is any attempt while the server's scrypt checks are all busy.
 */
export async function logIn(
  state: AuthState,
  token: string,
  clientAddress: string,
  now: number = Date.now(),
): Promise<LoginOutcome> {
  if (!state.token) return { kind: "not-token-mode" };
  const verdict = state.limiter.reserve(clientAddress, now);
  if (!verdict.allowed) return { kind: "rate-limited", retryAfterMs: verdict.retryAfterMs };
  const result = await state.token.verifier.verify(token);
  if (result === "busy") return { kind: "rate-limited", retryAfterMs: BUSY_RETRY_MS };
  if (result === "wrong") return { kind: "wrong-token" };
  state.limiter.recordSuccess(clientAddress);
  const payload = newSessionPayload(TOKEN_USER_NAME, now);
  return { kind: "signed-in", cookieValue: state.token.signer.sign(payload), payload };
}
