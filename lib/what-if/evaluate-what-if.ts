import type { MemberRole } from "../health/cluster-health";
import { type KnownQuorumView, quorumOf } from "../health/quorum";

/** The part of a member the what-if needs: whether it votes and whether it answers now. */
export interface WhatIfMember {
  id: string;
  name: string;
  role: MemberRole;
  reachable: boolean;
}

export interface WhatIfVerdict {
  /** Quorum arithmetic with the selected members counted as failed. */
  quorum: KnownQuorumView;
  quorumHolds: boolean;
  /** Writes work once a leader is (re-)elected, which needs quorum. */
  writable: boolean;
  /** The selected members include the current leader: writes pause for an election. */
  leaderFails: boolean;
  /** Voters the selection takes down that are reachable now. */
  newlyFailedVoters: string[];
  /** Selected voters that are already unreachable: they change nothing. */
  alreadyDownVoters: string[];
  /** Selected learners: they never count toward quorum. */
  failedLearners: string[];
}

/**
 * What quorum would look like if the selected members failed on top of the ones already
 * unreachable. Learners are never voters, and a member that is already down cannot fail twice.
 */
export function evaluateWhatIf(
  members: readonly WhatIfMember[],
  failedIds: ReadonlySet<string>,
): WhatIfVerdict {
  const voters = members.filter((m) => m.role !== "learner");
  const learners = members.length - voters.length;
  const selectedVoters = voters.filter((m) => failedIds.has(m.id));
  const healthyAfter = voters.filter((m) => m.reachable && !failedIds.has(m.id)).length;
  const quorum = quorumOf(voters.length, healthyAfter, learners);
  const quorumHolds = voters.length > 0 && quorum.margin >= 0;
  return {
    quorum,
    quorumHolds,
    writable: quorumHolds,
    leaderFails: selectedVoters.some((m) => m.role === "leader"),
    newlyFailedVoters: selectedVoters.filter((m) => m.reachable).map((m) => m.name),
    alreadyDownVoters: selectedVoters.filter((m) => !m.reachable).map((m) => m.name),
    failedLearners: members
      .filter((m) => m.role === "learner" && failedIds.has(m.id))
      .map((m) => m.name),
  };
}
