import "server-only";
import { TOKEN_USER_NAME } from "../../auth/auth-user";
import { newSessionPayload, type SessionPayload } from "../../auth/session-payload";
import type { AuthState } from "./auth-state";

export type LoginOutcome =
  | { kind: "signed-in"; cookieValue: string; payload: SessionPayload }
  | { kind: "wrong-token" }
  | { kind: "rate-limited"; retryAfterMs: number }
  | { kind: "not-token-mode" };

/**
 * One login attempt from `clientAddress`: refused outright while the address is locked out,
 * otherwise the token is checked and the attempt counted. The lockout a failure earns applies
 * from the next attempt, so the fifth wrong token is a 401 and the sixth a 429.
 */
export async function logIn(
  state: AuthState,
  token: string,
  clientAddress: string,
  now: number = Date.now(),
): Promise<LoginOutcome> {
  if (!state.token) return { kind: "not-token-mode" };
  const verdict = state.limiter.check(clientAddress, now);
  if (!verdict.allowed) return { kind: "rate-limited", retryAfterMs: verdict.retryAfterMs };
  if (!(await state.token.verifier.verify(token))) {
    state.limiter.recordFailure(clientAddress, now);
    return { kind: "wrong-token" };
  }
  state.limiter.recordSuccess(clientAddress);
  const payload = newSessionPayload(TOKEN_USER_NAME, now);
  return { kind: "signed-in", cookieValue: state.token.signer.sign(payload), payload };
}
