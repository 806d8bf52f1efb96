import type { ClusterHealth } from "../health/cluster-health";
import { computeClusterHealth, type HealthInput } from "../health/compute-health";
import { judgeAlone } from "../health/warning-judge";
import type { ClusterSnapshot } from "../member-snapshot";

/**
 * The verdict on a snapshot with the defaults of a freshly configured cluster; each warning
 * firing, as once its rule's `for` has passed (pass a WarningJudge's `judge` to see pending).
 */
export function makeHealth(
  snapshot: ClusterSnapshot,
  over: Partial<Omit<HealthInput, "snapshot">> = {},
): ClusterHealth {
  return computeClusterHealth({
    id: "default",
    name: "Demo",
    snapshot,
    applyLagThreshold: 1000,
    pollIntervalMs: 1000,
    lastGoodSweepAt: snapshot.observedAt,
    judge: judgeAlone,
    ...over,
  });
}
