/**
 * The largest key Raftscope reads or shows, in bytes. etcd itself allows keys up to its request
 * limit (1.5 MiB by default); Kubernetes keys stay under 1 KiB (names are at most 253 bytes).
 * A bigger key answers 400 (API) or 414 (page) at once, before any etcd read or render.
 */
export const MAX_KEY_BYTES = 8 * 1024;
/** The most separators a key browser page path may hold (Kubernetes keys have five or six). */
export const MAX_KEY_DEPTH = 256;

const KEY_PAGE = /^\/clusters\/[^/]+\/keys(?:\/(.*))?$/s;

/**
 * Why a key browser page path is beyond the caps (deeper than MAX_KEY_DEPTH, or naming a key
 * longer than MAX_KEY_BYTES), or undefined when it is within them or not a key page. Linear in
 * the path's length; `pathname` is still percent-encoded, as a URL's pathname is.
 */
export function keyPagePathProblem(pathname: string): string | undefined {
  const tail = KEY_PAGE.exec(pathname)?.[1];
  if (tail === undefined) return undefined;
  let depth = 0;
  for (let i = 0; i < tail.length; i++) if (tail.charCodeAt(i) === 0x2f) depth++;
  if (depth > MAX_KEY_DEPTH) {
    return `The key path is ${depth} levels deep; Raftscope shows keys at most ${MAX_KEY_DEPTH} levels deep`;
  }
  // Every byte of the key takes at least one character of the path.
  if (tail.length <= MAX_KEY_BYTES) return undefined;
  let bytes = depth;
  for (const segment of tail.split("/")) {
    // Each segment is escaped twice (see keyToPath): %25XX is one byte, %XX and any other character one.
    // "~" stands for an empty component.
    if (segment !== "~") bytes += segment.replace(/%25[0-9A-Fa-f]{2}|%[0-9A-Fa-f]{2}/g, "_").length;
  }
  return bytes > MAX_KEY_BYTES
    ? `The key is ${bytes} bytes long; Raftscope shows keys of at most ${MAX_KEY_BYTES} bytes`
    : undefined;
}

/** The message when `bytes` (a key, prefix or cursor named `name`) is over MAX_KEY_BYTES. */
export function keyLengthProblem(name: string, bytes: Uint8Array): string | undefined {
  return bytes.length > MAX_KEY_BYTES
    ? `${name} is ${bytes.length} bytes long; Raftscope reads keys of at most ${MAX_KEY_BYTES} bytes`
    : undefined;
}
