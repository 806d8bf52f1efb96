import "server-only";
import type { Etcd3 } from "etcd3";
import { compareHashes, type HashComparison } from "../../consistency/compare-hashes";
import type { MemberHash } from "../../consistency/consistency-report";
import { pinRevision } from "../../consistency/pin-revision";
import type { MemberView } from "../../health/cluster-health";
import {
  fetchHashKv,
  fetchPosition,
  isCompactedError,
  type MemberPosition,
} from "./member-hash-rpc";

export interface RoundTarget {
  member: MemberView;
  client: Etcd3;
}

export type RoundResult =
  | { kind: "election"; reason: string }
  | { kind: "no-revision"; reason: string }
  | {
      kind: "hashed";
      revision: number;
      answers: MemberHash[];
      /** A member had compacted past the pinned revision before it hashed. */
      compactedPast: boolean;
      comparison: HashComparison;
    };

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const details = (err as { details?: unknown }).details;
    return typeof details === "string" && details ? details : err.message;
  }
  return String(err);
}

/** Every member that answered follows the same leader in the same term. */
function agreed(positions: MemberPosition[]): { leaderId: string; raftTerm: number } | null {
  const first = positions[0];
  if (!first?.leaderId) return null;
  const same = positions.every(
    (p) => p.leaderId === first.leaderId && p.raftTerm === first.raftTerm,
  );
  return same ? { leaderId: first.leaderId, raftTerm: first.raftTerm } : null;
}

async function positions(targets: RoundTarget[], deadlineMs: number) {
  const settled = await Promise.allSettled(targets.map((t) => fetchPosition(t.client, deadlineMs)));
  return settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
}

/**
 * One round of the consistency check: Status on every target for its revision and leader,
 * a pinned revision at or below all of them, HashKV at that revision on one member at a time
 * (followers first, the leader last, so only one member pays for the read at once), then
 * Status again. A leader or term that differs between members or between the two Status
 * rounds means an election overlapped the hashes, and the round proves nothing.
 */
export async function hashRound(
  targets: RoundTarget[],
  deadlineMs: number,
  hashDeadlineMs: number,
): Promise<RoundResult> {
  const first = await positions(targets, deadlineMs);
  const before = agreed(first);
  if (!before) return { kind: "election", reason: "members did not agree on the leader and term" };
  const revision = pinRevision(first.map((p) => p.revision));
  if (revision === null) return { kind: "no-revision", reason: "no member reported a revision" };

  const ordered = [...targets].sort(
    (a, b) => Number(a.member.id === before.leaderId) - Number(b.member.id === before.leaderId),
  );
  const answers: MemberHash[] = [];
  let compactedPast = false;
  for (const { member, client } of ordered) {
    const t0 = performance.now();
    const base = { id: member.id, name: member.name, hashRevision: null };
    try {
      const a = await fetchHashKv(client, revision, hashDeadlineMs);
      answers.push({
        ...base,
        hash: a.hash,
        compactRevision: a.compactRevision,
        durationMs: performance.now() - t0,
        error: null,
      });
    } catch (err) {
      compactedPast ||= isCompactedError(err);
      answers.push({
        ...base,
        hash: null,
        compactRevision: null,
        durationMs: performance.now() - t0,
        error: errorText(err),
      });
    }
  }

  const after = agreed(await positions(targets, deadlineMs));
  if (!after || after.leaderId !== before.leaderId || after.raftTerm !== before.raftTerm) {
    return { kind: "election", reason: "the leader or term changed while the members hashed" };
  }
  return { kind: "hashed", revision, answers, compactedPast, comparison: compareHashes(answers) };
}
