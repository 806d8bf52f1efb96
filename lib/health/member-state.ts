import type { MemberSnapshot } from "../member-snapshot";
import type { MemberRole, MemberState } from "./cluster-health";
import type { VoterRelation } from "./leader-agreement";

export interface MemberStateInput {
  snap: MemberSnapshot;
  learner: boolean;
  /** How the member stands towards the verdict's leader; absent for learners and the unreachable. */
  relation: VoterRelation | undefined;
  leader: { id: string; name: string } | null;
  leaderTerm: number | null;
  /** Since when it has not followed the leader (epoch ms), carried from earlier verdicts. */
  notFollowingSince: number | undefined;
  observedAt: number;
  /** How long a voter may stay behind before it counts as cut off, in ms. */
  catchUpGraceMs: number;
  /** Raftscope cannot see the cluster: nothing about the member is known. */
  blind: boolean;
}

export interface MemberStateView {
  role: MemberRole;
  state: MemberState;
  stateLabel: string;
  /** Epoch ms, while the member does not follow the leader. */
  notFollowingSince: number | undefined;
  /** Counts toward quorum: it leads, follows, or is within its grace to catch up. */
  healthyVoter: boolean;
}

/**
 * A member's role and state in words. A voter that answers but does not follow the leader is
 * "catching up" for `catchUpGraceMs` (an answer from before an election settled looks the same),
 * then "cut off". A voter with no leader anywhere is "alive, no leader", as its own /health says.
 */
export function memberState(input: MemberStateInput): MemberStateView {
  const { snap, learner, relation, leader } = input;
  const voterRole: MemberRole = learner ? "learner" : "voter";
  const fixed = (state: MemberState, stateLabel: string): MemberStateView => ({
    role: voterRole,
    state,
    stateLabel,
    notFollowingSince: undefined,
    healthyVoter: false,
  });
  if (input.blind) return fixed("unknown", "unknown: Raftscope cannot see it");
  if (snap.probe.kind === "not-started") return fixed("not-started", "added, not started");
  if (snap.probe.kind === "unreachable") return fixed("unreachable", "unreachable");
  if (learner) {
    const following = leader !== null && snap.probe.status.leaderId === leader.id;
    return {
      ...fixed("learning", following ? `learner, following ${leader.name}` : "learner, no leader"),
      role: "learner",
    };
  }
  // Alive and able to vote: it counts toward quorum, though no one leads.
  if (leader === null) return { ...fixed("no-leader", "alive, no leader"), healthyVoter: true };
  if (relation === "leading") {
    return { ...fixed("leading", "leader"), role: "leader", healthyVoter: true };
  }
  if (relation === "following") {
    return {
      ...fixed("following", `following ${leader.name}`),
      role: "follower",
      healthyVoter: true,
    };
  }
  const since = input.notFollowingSince ?? input.observedAt;
  const forMs = input.observedAt - since;
  const term = snap.probe.status.raftTerm;
  if (forMs < input.catchUpGraceMs) {
    return {
      role: "voter",
      state: "catching-up",
      stateLabel:
        input.leaderTerm !== null && term < input.leaderTerm
          ? `catching up: term ${term}, the leader's is ${input.leaderTerm}`
          : `catching up with ${leader.name}`,
      notFollowingSince: since,
      healthyVoter: true,
    };
  }
  return {
    role: "voter",
    state: "cut-off",
    stateLabel: `cut off: follows no leader for ${Math.round(forMs / 1000)} s`,
    notFollowingSince: since,
    healthyVoter: false,
  };
}
