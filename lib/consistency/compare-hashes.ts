import type { MemberHash } from "./consistency-report";

export type HashComparison =
  | { kind: "agree"; hash: number }
  | { kind: "differ"; groups: Array<{ hash: number; memberIds: string[] }> }
  /** Members hashed under different compact revisions: a compaction was being applied. */
  | { kind: "compaction-moved"; compactRevisions: number[] }
  | { kind: "too-few"; answered: number };

/**
 * Compares HashKV answers taken at one pinned revision. etcd's hash skips the revisions a
 * compaction scheduled for deletion, so two members' hashes are comparable only under the same
 * compact revision; etcd's own corruption checker compares the same way
 * (server/etcdserver/corrupt.go). Fewer than two hashes compare nothing.
 */
export function compareHashes(answers: readonly MemberHash[]): HashComparison {
  const hashed = answers.filter(
    (a): a is MemberHash & { hash: number; compactRevision: number } =>
      a.hash !== null && a.compactRevision !== null,
  );
  if (hashed.length < 2) return { kind: "too-few", answered: hashed.length };
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
