import type { MemberStatus } from "../member-snapshot";

/** One voter's Status answer, as the leader agreement reads it. */
export interface VoterAnswer {
  memberId: string;
  status: MemberStatus;
}

/** How a reachable voter stands towards the leader the verdict names. */
export type VoterRelation =
  /** It is the leader. */
  | "leading"
  /** It follows the leader in the leader's term. */
  | "following"
  /**
   * It reports an older term, or no leader in the leader's term: what a voter looks like while
   * an election settles, or when its answer left before the election ended. Whether it is cut
   * off is decided by how long this lasts, not by one answer.
   */
  | "behind"
  /** It follows another member, or is in a newer term than the leader without following it. */
  | "diverged";

export interface LeaderAgreement {
  /** The leader: the voter that says it leads, in the newest term any voter claims to lead. */
  leaderId: string | undefined;
  /**
   * The leader's own term: etcd's "became leader at term N". Falls back to the newest term a
   * majority of voters have reached when no reachable voter says it leads.
   */
  term: number | null;
  /**
   * A majority of all voters (`floor(voters/2)+1`, raft's quorum) answered as following the
   * leader in its term, the leader included. Only a confirmed leader change is an event.
   */
  confirmed: boolean;
  /** Keyed by member id, for every voter in `answers`. */
  relations: Map<string, VoterRelation>;
  /** Leader ids reported by voters in the leader's term, when they name more than one. */
  disagreement: string[] | undefined;
}

/**
 * Reads who leads from the voters' Status answers (raft: one leader per term, elected by a
 * majority). A voter that claims leadership in an older term than another's claim is a stale
 * leader (frozen, then thawed) and does not lead. `voterCount` counts every voter, reachable or
 * not, because a majority is of all voters.
 */
export function agreeOnLeader(answers: VoterAnswer[], voterCount: number): LeaderAgreement {
  const relations = new Map<string, VoterRelation>();
  const claims = answers.filter((a) => a.status.leaderId === a.memberId);
  const claim = claims.reduce<VoterAnswer | undefined>(
    (best, a) => (!best || a.status.raftTerm > best.status.raftTerm ? a : best),
    undefined,
  );
  const majority = Math.floor(voterCount / 2) + 1;
  if (!claim) {
    return {
      leaderId: followedLeader(answers),
      term: majorityTerm(answers, majority),
      confirmed: false,
      relations,
      disagreement: disagreement(answers),
    };
  }
  const leaderId = claim.memberId;
  const term = claim.status.raftTerm;
  let followers = 0;
  for (const a of answers) {
    const relation = relationTo(a, leaderId, term);
    relations.set(a.memberId, relation);
    if (relation === "leading" || relation === "following") followers++;
  }
  const inTerm = answers.filter((a) => a.status.raftTerm === term);
  return {
    leaderId,
    term,
    confirmed: followers >= majority,
    relations,
    disagreement: disagreement(inTerm),
  };
}

function relationTo(a: VoterAnswer, leaderId: string, term: number): VoterRelation {
  if (a.memberId === leaderId) return "leading";
  const { raftTerm, leaderId: follows } = a.status;
  if (raftTerm === term && follows === leaderId) return "following";
  if (raftTerm < term) return "behind";
  if (raftTerm === term && follows === undefined) return "behind";
  return "diverged";
}

/**
 * With no reachable voter claiming leadership, the leader the voters in the newest term follow
 * (the leader itself may be unreachable). Undefined when none follows anyone.
 */
function followedLeader(answers: VoterAnswer[]): string | undefined {
  const reporting = answers.filter((a) => a.status.leaderId !== undefined);
  if (reporting.length === 0) return undefined;
  const top = Math.max(...reporting.map((a) => a.status.raftTerm));
  const votes = new Map<string, number>();
  for (const a of reporting) {
    if (a.status.raftTerm !== top || !a.status.leaderId) continue;
    votes.set(a.status.leaderId, (votes.get(a.status.leaderId) ?? 0) + 1);
  }
  return [...votes.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0];
}

/** The newest term that at least `majority` answers have reached; else the newest answered. */
function majorityTerm(answers: VoterAnswer[], majority: number): number | null {
  if (answers.length === 0) return null;
  const terms = answers.map((a) => a.status.raftTerm).sort((x, y) => y - x);
  return terms[majority - 1] ?? terms[0] ?? null;
}

function disagreement(answers: VoterAnswer[]): string[] | undefined {
  const named = new Set(answers.flatMap((a) => (a.status.leaderId ? [a.status.leaderId] : [])));
  return named.size > 1 ? [...named] : undefined;
}
