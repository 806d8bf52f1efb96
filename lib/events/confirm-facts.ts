/**
 * A fact about the cluster that is bad news (a member down, quorum lost, a member cut off,
 * Raftscope blind) becomes an event only once it is confirmed: seen in at least
 * `CONFIRM_VERDICTS` consecutive verdicts spanning at least `confirmMs`. One verdict is an
 * observation; a confirmed fact is a change (as Kubernetes' node lifecycle controller waits a
 * grace period before it calls a node NotReady). Good news needs no confirmation.
 */
export const CONFIRM_VERDICTS = 2;

/** Keyed by fact ("down:<id>", "quorum-lost", "cut-off:<id>", "blind"). */
export type PendingFacts = Record<string, { since: number; verdicts: number }>;

/**
 * Advances the pending facts with the facts that hold in this verdict (`holding`, at `now`,
 * epoch ms) and returns those that are confirmed now, plus the pending facts to keep. A fact
 * missing from one verdict starts again from zero.
 */
export function confirmFacts(
  pending: PendingFacts,
  holding: Iterable<string>,
  now: number,
  confirmMs: number,
): { confirmed: Set<string>; pending: PendingFacts } {
  const next: PendingFacts = {};
  const confirmed = new Set<string>();
  for (const fact of holding) {
    const before = pending[fact];
    const entry = before
      ? { since: before.since, verdicts: before.verdicts + 1 }
      : { since: now, verdicts: 1 };
    next[fact] = entry;
    if (entry.verdicts >= CONFIRM_VERDICTS && now - entry.since >= confirmMs) confirmed.add(fact);
  }
  return { confirmed, pending: next };
}
