import { errorResponse } from "../api/error-response";
import { RateLimitedError, UnauthenticatedError } from "./auth-errors";

/**
 * A 401 or 429 in the API's `{ error: { code, message } }` shape, with the header each status
 * needs: WWW-Authenticate names the scheme, Retry-After says when to try again.
 */
export function authErrorResponse(err: UnauthenticatedError | RateLimitedError): Response {
  const res = errorResponse(err);
  if (err instanceof RateLimitedError) {
    res.headers.set("Retry-After", String(err.retryAfterSeconds));
  } else if (err instanceof UnauthenticatedError) {
    res.headers.set("WWW-Authenticate", 'Bearer realm="raftscope"');
  }
  res.headers.set("Cache-Control", "no-store");
  return res;
}
