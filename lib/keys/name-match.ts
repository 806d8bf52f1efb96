/** ASCII letters folded to lower case; other bytes as they are. */
function fold(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
}

/**
 * True when `needle` occurs in the part of `key` after `prefixLength` bytes, ignoring ASCII
 * case (etcd cannot do this: its reads select by byte range only).
 */
export function nameContains(key: Uint8Array, prefixLength: number, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  const last = key.length - needle.length;
  for (let i = prefixLength; i <= last; i++) {
    let j = 0;
    while (j < needle.length && fold(key[i + j] as number) === fold(needle[j] as number)) j++;
    if (j === needle.length) return true;
  }
  return false;
}
