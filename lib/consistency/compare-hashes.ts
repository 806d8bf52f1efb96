import type { MemberHash } from "./consistency-report";

export type HashComparison =
  | { kind: "agree"; hash: number }
  | { kind: "differ"; groups: Array<{ hash: number; memberIds: string[] }> }
  /** Members hashed under different compact revisions: a compaction was being applied. */
  | { kind: "compaction-moved"; compactRevisions: number[] }
  | { kind: "too-few"; answered: number }
  /** A member asked for its hash gave none: nothing is decided without every voter. */
  | { kind: "incomplete"; failed: Array<{ id: string; error: string }> };

/**
 * Compares HashKV answers taken at one pinned revision. etcd's hash skips the revisions a
 * compaction scheduled for deletion, so two members' hashes are comparable only under the same
 * compact revision; etcd's own corruption checker compares the same way
 * (server/etcdserver/corrupt.go). Fewer than two hashes compare nothing, and a member that was
 * asked but gave no hash leaves the comparison undecided: the missing copy may be the bad one,
 * and a mismatch between the others alone could be named on the wrong member.
 */
export function compareHashes(answers: readonly MemberHash[]): HashComparison {
  const hashed = answers.filter(
    (a): a is MemberHash & { hash: number; compactRevision: number } =>
      a.hash !== null && a.compactRevision !== null,
  );
  if (hashed.length < 2) return { kind: "too-few", answered: hashed.length };
  const failed = answers.flatMap((a) =>
    a.hash === null || a.compactRevision === null
      ? [{ id: a.id, error: a.error ?? "no hash" }]
      : [],
  );
  if (failed.length > 0) return { kind: "incomplete", failed };
  const compactRevisions = [...new Set(hashed.map((a) => a.compactRevision))].sort((a, b) => a - b);
  if (compactRevisions.length > 1) return { kind: "compaction-moved", compactRevisions };
  const byHash = new Map<number, string[]>();
  for (const a of hashed) byHash.set(a.hash, [...(byHash.get(a.hash) ?? []), a.id]);
  const first = hashed[0];
  if (byHash.size === 1 && first) return { kind: "agree", hash: first.hash };
  const groups = [...byHash].map(([hash, memberIds]) => ({ hash, memberIds }));
  // The largest group first: with three or more members, the odd one out is named last.
  groups.sort((a, b) => b.memberIds.length - a.memberIds.length);
  return { kind: "differ", groups };
}
