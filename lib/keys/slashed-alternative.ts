import { bytesEqual } from "./key-bytes";

/**
 * The target with the leading separator a hand-typed URL leaves out. The key browser's path
 * `/clusters/x/keys/registry/pods` names the key `registry/pods`, because `~` spells an empty
 * first component (`/keys/~/registry/pods` is `/registry/pods`); Kubernetes keeps its keys under
 * `/registry/`. Undefined for the root, and for a target that already starts with the separator.
 */
export function slashedAlternative(
  target: Uint8Array,
  separator: Uint8Array,
): Uint8Array | undefined {
  if (target.length === 0 || separator.length === 0) return undefined;
  if (bytesEqual(target.subarray(0, separator.length), separator)) return undefined;
  const out = new Uint8Array(separator.length + target.length);
  out.set(separator, 0);
  out.set(target, separator.length);
  return out;
}
