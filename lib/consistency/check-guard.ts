import { formatBytes } from "../format/format-bytes";
import type { ClusterHealth } from "../health/cluster-health";

/**
 * Why a consistency check must not run now, or null when it may. Never during an election
 * (no agreed leader, or voters disagreeing): the members' revisions are moving apart and
 * hashes taken then prove nothing. Never above the size guard: HashKV reads the member's
 * whole key bucket while holding its backend's read transaction. Never with a voter
 * unreachable: its copy is the one that cannot be compared.
 */
export function checkGuard(
  health: ClusterHealth | undefined,
  maxDbSizeBytes: number,
): string | null {
  if (!health) return "no verdict yet: the poller has not finished its first sweep";
  if (!health.leader || health.warnings.some((w) => w.code === "NO_LEADER")) {
    return "no leader: an election is under way or quorum is lost";
  }
  if (health.warnings.some((w) => w.code === "LEADER_DISAGREEMENT")) {
    return "members disagree about the leader: an election is under way";
  }
  const largest = health.members.reduce((max, m) => Math.max(max, m.dbSizeBytes ?? 0), 0);
  if (largest > maxDbSizeBytes) {
    return `a member's database is ${formatBytes(largest)}, above the size guard of ${formatBytes(maxDbSizeBytes)} (consistencyCheck.maxDbSizeBytes)`;
  }
  const hashable = health.members.filter((m) => m.reachable && m.role !== "learner");
  if (hashable.length < 2) return "fewer than two reachable voters: nothing to compare";
  // A check of some voters proves nothing about the others: the missing copy may be the bad
  // one, so it could neither raise nor clear a mismatch honestly.
  const missing = health.members.filter(
    (m) => !m.reachable && m.role !== "learner" && m.state !== "not-started",
  );
  if (missing.length > 0) {
    return `${missing.map((m) => m.name).join(", ")} unreachable: a check compares every voter's copy`;
  }
  return null;
}
