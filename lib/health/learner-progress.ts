import type { MemberStatus } from "../member-snapshot";
import type { LearnerProgress } from "./cluster-health";
import { thresholds } from "./thresholds";

/**
 * A learner's applied index against the leader's log, and whether etcd would promote it: etcd
 * refuses `member promote` until the learner's log has reached `thresholds.learnerReadyRatio`
 * of the leader's (isLearnerReady). Raftscope reads the learner's applied index against the
 * leader's raft index from their Status answers.
 */
export function learnerProgress(learner: MemberStatus, leader: MemberStatus): LearnerProgress {
  const leaderCommittedIndex = leader.raftIndex;
  const ratio =
    leaderCommittedIndex > 0 ? Math.min(1, learner.raftAppliedIndex / leaderCommittedIndex) : 1;
  return {
    appliedIndex: learner.raftAppliedIndex,
    leaderCommittedIndex,
    ratio,
    readyToPromote: ratio >= thresholds.learnerReadyRatio,
  };
}
