/** What happened to a cluster, as recorded in the event log and pushed to viewers. */

export interface MemberRef {
  id: string;
  name: string;
}

export type EventBody =
  | { type: "leader_changed"; from: MemberRef | null; to: MemberRef; term: number | null }
  | { type: "term_changed"; leader: MemberRef; fromTerm: number | null; toTerm: number | null }
  | { type: "member_unreachable"; member: MemberRef; error: string }
  | { type: "member_recovered"; member: MemberRef }
  | { type: "quorum_lost"; healthyVoters: number; size: number }
  | { type: "quorum_regained"; healthyVoters: number; size: number }
  | { type: "alarm_raised"; member: MemberRef; alarm: string }
  | { type: "alarm_cleared"; member: MemberRef; alarm: string }
  | { type: "member_added"; member: MemberRef; isLearner: boolean }
  | { type: "member_removed"; member: MemberRef }
  /** A learner became a voter (`etcdctl member promote`). */
  | { type: "member_promoted"; member: MemberRef }
  /** A voter that answers but has followed no leader the majority follows, past the grace. */
  | { type: "member_isolated"; member: MemberRef; term: number | null }
  | { type: "member_rejoined"; member: MemberRef }
  /**
   * Raftscope's own kind: it could not see the cluster (its stall, credentials or network).
   * Nothing is recorded about the cluster until `raftscope_sight_restored`.
   */
  | { type: "raftscope_blind"; reason: string }
  | { type: "raftscope_sight_restored"; blindForMs: number };

export type EventType = EventBody["type"];

export type ClusterEvent = EventBody & {
  /** Per-cluster sequence number: consecutive, never reused, survives restarts. */
  seq: number;
  at: string;
  clusterId: string;
};

export const eventTypes: readonly EventType[] = [
  "leader_changed",
  "term_changed",
  "member_unreachable",
  "member_recovered",
  "quorum_lost",
  "quorum_regained",
  "alarm_raised",
  "alarm_cleared",
  "member_added",
  "member_removed",
  "member_promoted",
  "member_isolated",
  "member_rejoined",
  "raftscope_blind",
  "raftscope_sight_restored",
];
