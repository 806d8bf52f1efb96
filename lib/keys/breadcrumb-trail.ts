import { bytesEqual } from "./key-bytes";

/** One breadcrumb: a directory, the prefix's first `end` bytes, named by bytes `start`..`end`. */
export interface DirCrumb {
  kind: "dir";
  start: number;
  end: number;
}

/** Levels left out of a long trail; it links to the deepest of them, `end`. */
export interface GapCrumb {
  kind: "gap";
  hidden: number;
  end: number;
}

export type Crumb = DirCrumb | GapCrumb;

/** At most this many directory crumbs are shown, root included; the rest collapse into a gap. */
export const MAX_VISIBLE_CRUMBS = 8;
const HEAD = 2;

/**
 * The breadcrumb trail from the root to `prefix`: the root (end 0), then each directory ending
 * in `separator`. Past `max` directories the middle collapses into one gap, so a page holds at
 * most `max` links, each at most the prefix long: its size grows linearly with the path, never
 * with the square of its depth. Offsets only, no copies.
 */
export function breadcrumbTrail(
  prefix: Uint8Array,
  separator: Uint8Array,
  max = MAX_VISIBLE_CRUMBS,
): Crumb[] {
  const ends = [0];
  if (separator.length > 0) {
    for (let i = 0; i + separator.length <= prefix.length; i++) {
      if (bytesEqual(prefix.subarray(i, i + separator.length), separator)) {
        ends.push(i + separator.length);
        i += separator.length - 1;
      }
    }
  }
  const dir = (i: number): DirCrumb => ({
    kind: "dir",
    start: ends[i - 1] ?? 0,
    end: ends[i] ?? 0,
  });
  if (ends.length <= max) return ends.map((_, i) => dir(i));
  const tail = max - HEAD - 1;
  const firstTail = ends.length - tail;
  return [
    ...Array.from({ length: HEAD }, (_, i) => dir(i)),
    { kind: "gap", hidden: firstTail - HEAD, end: ends[firstTail - 1] ?? 0 },
    ...Array.from({ length: tail }, (_, i) => dir(firstTail + i)),
  ];
}
