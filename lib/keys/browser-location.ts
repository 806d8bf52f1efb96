import { pathToKey } from "./key-path";

/**
 * The key named by a key browser URL's pathname (still percent-encoded, as usePathname gives it):
 * the segments after `/clusters/{id}/keys`, each decoded once as Next decodes page params.
 * Undefined when the path is not under the cluster's key browser or holds a malformed escape.
 */
export function targetFromPathname(pathname: string, clusterId: string): Uint8Array | undefined {
  const base = `/clusters/${encodeURIComponent(clusterId)}/keys`;
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
  const tail = pathname.slice(base.length + 1);
  if (tail === "") return new Uint8Array();
  try {
    return pathToKey(tail.split("/").map((s) => decodeURIComponent(s)));
  } catch {
    return undefined;
  }
}
