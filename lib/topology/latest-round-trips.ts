import type { HistoryPoint } from "../history/history-point";

/**
 * Each member's most recent worst peer round-trip p99 in the history, in seconds, looking back
 * no further than `maxAgeMs` from the newest point so a long-gone value is not shown as current.
 */
export function latestRoundTrips(
  points: readonly HistoryPoint[],
  maxAgeMs = 60_000,
): Map<string, number> {
  const found = new Map<string, number>();
  const newest = points.at(-1)?.t;
  if (newest === undefined) return found;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (!p || newest - p.t > maxAgeMs) break;
    for (const [id, sample] of Object.entries(p.members)) {
      const rtt = sample.peerRoundTripP99Seconds;
      if (!found.has(id) && sample.reachable && rtt !== undefined) found.set(id, rtt);
    }
  }
  return found;
}
