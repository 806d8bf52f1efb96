import "server-only";

/** Per configured cluster, how much later the last of them may start: 200 clusters, 10 s. */
const SPREAD_PER_CLUSTER_MS = 50;
const MAX_SPREAD_MS = 10_000;

/**
 * How widely a process starting `clusterCount` pollers at once spreads their first calls, in
 * ms: each poller's first sweep comes within half of it and its first scrape round (HTTPS
 * self-checks, /metrics, certificate handshake) within all of it. Started in the same instant,
 * 200 clusters' 600 members would open about 3,000 TLS connections at once, and Raftscope's own
 * stall would miss deadlines it then must not blame on the members. One cluster: 50 ms.
 */
export function startupSpreadMs(clusterCount: number): number {
  return Math.min(MAX_SPREAD_MS, Math.max(0, clusterCount) * SPREAD_PER_CLUSTER_MS);
}
