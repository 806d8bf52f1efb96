import type { QuorumView } from "./cluster-health";

/** A quorum whose healthy voters are known. */
export type KnownQuorumView = { [K in keyof QuorumView]: NonNullable<QuorumView[K]> };

/**
 * Raft quorum arithmetic: a majority of voters, floor(voters/2)+1; learners never count toward
 * it (etcd's learner design, docs/learning/design-learner.md).
 */
export function quorumOf(voters: number, healthyVoters: number, learners = 0): KnownQuorumView {
  const size = Math.floor(voters / 2) + 1;
  const margin = healthyVoters - size;
  return {
    voters,
    learners,
    size,
    healthyVoters,
    margin,
    tolerance: Math.max(0, voters - size),
    remaining: Math.max(0, margin),
  };
}
