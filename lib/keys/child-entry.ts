import { copyBytes, indexOfBytes } from "./key-bytes";
import { keySuccessor, prefixEnd } from "./key-range";

export type ChildKind = "dir" | "key";

export interface ChildEntry {
  kind: ChildKind;
  /** The full key, or for a directory the full prefix including the separator. */
  key: Uint8Array;
  /** The part after the listed prefix (a directory's ends with the separator). */
  name: Uint8Array;
}

/** The child of `prefix` that `key` lies under. */
export function childOf(prefix: Uint8Array, separator: Uint8Array, key: Uint8Array): ChildEntry {
  const rest = key.subarray(prefix.length);
  const at = indexOfBytes(rest, separator);
  if (at < 0) return { kind: "key", key: copyBytes(key), name: copyBytes(rest) };
  const nameLength = at + separator.length;
  return {
    kind: "dir",
    key: copyBytes(key, 0, prefix.length + nameLength),
    name: copyBytes(rest, 0, nameLength),
  };
}

/** The first key past everything a child covers: a skip-scan resumes here. Empty: keyspace end. */
export function pastChild(child: ChildEntry): Uint8Array {
  return child.kind === "dir" ? prefixEnd(child.key) : keySuccessor(child.key);
}
