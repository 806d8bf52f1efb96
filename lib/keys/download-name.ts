const MAX_LENGTH = 120;
const KEEP = 100;

const isSafe = (b: number) =>
  (b >= 0x30 && b <= 0x39) || // 0-9
  (b >= 0x41 && b <= 0x5a) || // A-Z
  (b >= 0x61 && b <= 0x7a) || // a-z
  b === 0x2d || // -
  b === 0x2e; // .

/** FNV-1a over `bytes`, as 8 hex digits: tells long names apart once they are cut. */
function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/**
 * A file name for a value's download: the key's last "/" component, every byte outside
 * [A-Za-z0-9.-] (and "_" itself, and a leading ".") written as "_" and two hex digits. The
 * escaping is one-to-one, so keys that differ in their last component download under different
 * names (`/k\xfe` as `k_fe`, `/k\xff` as `k_ff`), and the name is safe inside a quoted
 * Content-Disposition header. Names past 120 characters are cut and end with a hash of the key.
 */
export function downloadName(key: Uint8Array): string {
  const last = key.subarray(key.lastIndexOf(0x2f) + 1);
  if (last.length === 0) return "value";
  let name = "";
  for (const [i, b] of last.entries()) {
    name +=
      isSafe(b) && !(i === 0 && b === 0x2e)
        ? String.fromCharCode(b)
        : `_${b.toString(16).padStart(2, "0")}`;
  }
  return name.length <= MAX_LENGTH ? name : `${name.slice(0, KEEP)}_${fnv1a(key)}`;
}
