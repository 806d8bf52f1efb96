import type { ClusterHealth } from "./cluster-health";

/**
 * What makes one verdict different from the last for a viewer: status, leader, term, quorum,
 * each member's state and alarms, the warnings and whether each is pending or firing. Latencies and indexes move every poll and are
 * left out, so a verdict that only refreshes them can wait for its turn.
 */
export function verdictFingerprint(h: ClusterHealth): string {
  return JSON.stringify([
    h.status,
    h.writable,
    h.leader?.id ?? null,
    h.leaderConfirmed,
    h.raftTerm,
    h.quorum,
    h.blind?.kind ?? null,
    h.eventLogProblem,
    h.members.map((m) => [m.id, m.role, m.state, m.reachable, m.alarms, m.tlsProblem ?? null]),
    h.warnings.map((w) => [w.code, w.severity, w.memberId ?? null, w.state]),
  ]);
}
