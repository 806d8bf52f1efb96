import type { ClusterEvent } from "@/lib/events/cluster-event";

/**
 * Leader changes per bucket over the span ending at `now`, oldest bucket first: what the
 * overview's sparkline draws.
 */
export function leaderChangeBuckets(
  events: readonly ClusterEvent[],
  now: number,
  spanMs: number,
  buckets: number,
): number[] {
  const counts = new Array<number>(buckets).fill(0);
  const from = now - spanMs;
  const width = spanMs / buckets;
  for (const e of events) {
    if (e.type !== "leader_changed") continue;
    const t = Date.parse(e.at);
    if (t < from || t > now) continue;
    const i = Math.min(buckets - 1, Math.floor((t - from) / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
