import type { SearchProgress } from "./search-progress";

const n = (x: number) => x.toLocaleString("en");
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/**
 * The search's state in one sentence, for the status line: how far it read, what it found,
 * and, when it stopped early, which cap it hit and what that leaves unsearched.
 */
export function searchSummary(s: SearchProgress, matchCap: number): string {
  const found = plural(s.matches.length, "match", "matches");
  const at = s.revision ? ` at revision ${s.revision}` : "";
  switch (s.stoppedBy) {
    case null:
      return s.total > 0
        ? `Searching… ${n(s.scanned)} of ${n(s.total)} keys read, ${found} so far.`
        : `Searching… ${found} so far.`;
    case "complete":
      return `Read all ${plural(s.scanned, "key", "keys")} under this prefix${at}: ${found}.`;
    case "matches":
      return `Stopped at ${n(matchCap)} matches, the most one search shows, after reading ${n(s.scanned)} of ${n(s.total)} keys${at}. Narrow the prefix or the text to see the rest.`;
    case "scanned":
      return `Stopped after reading ${n(s.scanned)} keys, the most one search reads${s.total > s.scanned ? `; ${n(s.total - s.scanned)} keys were not searched` : ""}${at}: ${found}. Search a narrower prefix to see the rest.`;
  }
}
