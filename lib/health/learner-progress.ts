import type { MemberStatus } from "../member-snapshot";
import type { LearnerProgress } from "./cluster-health";

/**
 * etcd refuses `member promote` until the learner's log has reached 90 % of the leader's
 * (server/etcdserver/server.go, isLearnerReady: readyPercentThreshold = 0.9). Raftscope reads
 * the learner's applied index against the leader's raft index from their Status answers.
 */
export const LEARNER_READY_RATIO = 0.9;

/** A learner's applied index against the leader's log, and whether etcd would promote it. */
export function learnerProgress(learner: MemberStatus, leader: MemberStatus): LearnerProgress {
  const leaderCommittedIndex = leader.raftIndex;
  const ratio =
    leaderCommittedIndex > 0 ? Math.min(1, learner.raftAppliedIndex / leaderCommittedIndex) : 1;
  return {
    appliedIndex: learner.raftAppliedIndex,
    leaderCommittedIndex,
    ratio,
    readyToPromote: ratio >= LEARNER_READY_RATIO,
  };
}
