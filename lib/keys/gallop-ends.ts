import { compareBytes, concatBytes } from "./key-bytes";
import { prefixEnd } from "./key-range";

const MAX_DEPTH = 64;
const LADDER = [2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 24, 32, 48, 64, 96, 128];

/**
 * Range ends for finding the child after `key` without reading to the prefix's end, nearest
 * first: the ends of ever shorter prefixes of `key` (after `ns-0041/`: `ns-0042`, `ns-005`,
 * `ns-01`, …), and after each carry the smallest sibling shaped like `template`, the listing's
 * first child (after `ns-0049/` with template `ns-0000/`: `ns-0051` bounds `ns-0050`). Siblings
 * usually share a shape, so an early, cheap read finds the next one; a read that comes back
 * empty moves the start to its end, and a wrong guess costs one round trip.
 * (after `ns-0000/`: `ns-0002` bounds `ns-0001`, then `ns-001`, `ns-0011`, `ns-01`, …)
 */
export function gallopEnds(
  prefix: Uint8Array,
  key: Uint8Array,
  template?: Uint8Array,
): Uint8Array[] {
  const ends: Uint8Array[] = [];
  // The template's name without its trailing byte (a directory's separator).
  const shapeEnd = template ? template.length - 1 : 0;
  // Only the name's last bytes: a key can be hundreds of KiB, and each end is a copy.
  const stop = Math.max(prefix.length, key.length - 1 - MAX_DEPTH);
  for (let k = key.length - 1; k > stop; k--) {
    const carried = prefixEnd(key.subarray(0, k));
    if (carried.length === 0) continue;
    const shaped =
      template && carried.length === k && k <= shapeEnd
        ? prefixEnd(concatBytes(carried, template.subarray(k, shapeEnd)))
        : undefined;
    if (shaped && shaped.length > 0) ends.push(shaped);
    // The first carry alone bounds only names that extend this one; the shaped end after it
    // covers those and the likely next sibling in one read.
    if (!shaped || k < key.length - 1) ends.push(carried);
  }
  // Past the first byte of the name, a ladder of steps (`e`, `f`, … `l`, `n`, `p`, … after `d…`):
  // names that share nothing but the prefix still find their next sibling cheaply. Steps are
  // fine at first, because a range that overshoots to several large directories walks them all.
  const first = key[prefix.length];
  if (first !== undefined) {
    for (const step of LADDER) {
      if (first + step > 0xff) break;
      ends.push(concatBytes(prefix, Uint8Array.of(first + step)));
    }
  }
  ends.sort(compareBytes);
  return ends.filter(
    (e, i) => e.length > 0 && (i === 0 || compareBytes(e, ends[i - 1] as Uint8Array) > 0),
  );
}
