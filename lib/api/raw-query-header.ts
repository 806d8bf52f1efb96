/**
 * Next.js rewrites a query string as UTF-8 before a route sees it, so percent-encoded key bytes
 * that are not UTF-8 would arrive as U+FFFD. proxy.ts sees the URL as sent and passes its query
 * on in this header, overwriting whatever a client put there.
 */
export const RAW_QUERY_HEADER = "x-raftscope-raw-query";

/** The query part of a URL exactly as sent, with its leading "?" (empty when none). */
export function rawSearch(url: string): string {
  const hash = url.indexOf("#");
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf("?");
  return q === -1 || q > end ? "" : url.slice(q, end);
}

/** The query a key route should parse: the raw one from proxy.ts, or the request's own. */
export function requestSearch(req: Request): string {
  return req.headers.get(RAW_QUERY_HEADER) ?? new URL(req.url).search;
}
