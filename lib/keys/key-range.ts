import { copyBytes } from "./key-bytes";

/**
 * The smallest key greater than every key that starts with `prefix`: the prefix with its last
 * byte incremented, after dropping trailing 0xff bytes (`a/` → `a0`, `a\xff` → `b`). Empty when
 * no such key exists (`""`, `\xff\xff`): the range then runs to the end of the keyspace, which
 * etcd spells as a range_end of "\0".
 */
export function prefixEnd(prefix: Uint8Array): Uint8Array {
  let last = prefix.length - 1;
  while (last >= 0 && prefix[last] === 0xff) last--;
  if (last < 0) return new Uint8Array(0);
  const end = copyBytes(prefix, 0, last + 1);
  end[last] = (end[last] as number) + 1;
  return end;
}

/** The smallest key greater than `key`: `key` followed by a 0x00 byte. */
export function keySuccessor(key: Uint8Array): Uint8Array {
  const next = new Uint8Array(key.length + 1);
  next.set(key);
  return next;
}
