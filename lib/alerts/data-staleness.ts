import type { ClusterHealth } from "../health/cluster-health";

/** Past this many poll intervals without an answer from any member, the data is stale. */
export const STALE_AFTER_INTERVALS = 3;

export type Staleness = { stale: false } | { stale: true; sinceMs: number | null };

/**
 * Whether the verdict rests on old answers: the server's last good sweep lies more than three
 * poll intervals before the verdict was made. Both times come from the server's clock, so a
 * browser with a wrong clock cannot call fresh data stale.
 */
export function dataStaleness(
  health: Pick<ClusterHealth, "observedAt" | "lastGoodSweepAt" | "pollIntervalMs">,
): Staleness {
  const observed = Date.parse(health.observedAt);
  if (health.lastGoodSweepAt === null) return { stale: true, sinceMs: null };
  const age = observed - Date.parse(health.lastGoodSweepAt);
  return age > STALE_AFTER_INTERVALS * health.pollIntervalMs
    ? { stale: true, sinceMs: age }
    : { stale: false };
}
