import type { QuorumView } from "./cluster-health";

/** Raft quorum arithmetic; learners never count toward it. */
export function quorumOf(voters: number, healthyVoters: number, learners = 0): QuorumView {
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
