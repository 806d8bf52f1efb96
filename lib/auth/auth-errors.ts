import { RaftscopeError } from "../errors";

/** No valid session, token or trusted identity: answered 401 before any handler runs. */
export class UnauthenticatedError extends RaftscopeError {
  constructor(message = "Log in first: send the session cookie or Authorization: Bearer <token>") {
    super("UNAUTHENTICATED", message);
  }
}

/** Too many wrong tokens from one address; answered 429 with Retry-After. */
export class RateLimitedError extends RaftscopeError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super("RATE_LIMITED", `Too many failed attempts; try again in ${seconds} s`);
    this.retryAfterSeconds = seconds;
  }
}
