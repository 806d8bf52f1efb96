import { ApiRequestError } from "./fetch-json";

/**
 * Whether a failed query is worth one more try: a network error or a server-side failure (5xx)
 * may pass; an answer about the request itself (4xx: a bad parameter, a compacted revision, a
 * missing key) would only come back the same, later.
 */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (failureCount >= 1) return false;
  return !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500);
}
