import type { ClusterEvent } from "../events/cluster-event";
import { compareHashes } from "./compare-hashes";
import type { ConsistencyReport } from "./consistency-report";

/** A confirmed difference between the members' copies: what the verdict's warning names. */
export interface ConsistencyMismatch {
  /** The pinned revision every member hashed. */
  revision: number;
  /** When the check that found it began; ISO 8601. */
  checkedAt: string;
  /** Members outside the largest group of equal hashes; every member when no group is largest. */
  differing: Array<{ id: string; name: string; hash: number }>;
  /** The hash the largest group agrees on; null on a tie. */
  majorityHash: number | null;
}

/**
 * The mismatch the verdict warns of after `report`: set by an "inconsistent" check, cleared only
 * by a "consistent" one, kept through skipped and inconclusive checks (an election, a compaction,
 * a member that did not answer decide nothing either way). Hashes are HashKV's CRC-32C values.
 */
export function mismatchAfter(
  previous: ConsistencyMismatch | null,
  report: ConsistencyReport,
): ConsistencyMismatch | null {
  if (report.outcome === "consistent") return null;
  if (report.outcome !== "inconsistent" || report.revision === null || !report.checkedAt) {
    return previous;
  }
  const hashed = report.members.filter((m) => m.hash !== null);
  const c = compareHashes(hashed);
  if (c.kind !== "differ") return previous;
  const [largest, second] = c.groups;
  const tie = !largest || largest.memberIds.length === second?.memberIds.length;
  const agreeing = new Set(tie ? [] : largest.memberIds);
  return {
    revision: report.revision,
    checkedAt: report.checkedAt,
    differing: hashed.flatMap((m) =>
      m.hash !== null && !agreeing.has(m.id) ? [{ id: m.id, name: m.name, hash: m.hash }] : [],
    ),
    majorityHash: tie ? null : largest.hash,
  };
}

/**
 * The mismatch standing after the events in `newestFirst` (the event log, newest first): the
 * last `consistency_mismatch` unless a `consistency_agreed` came after it, else null. How a
 * restart keeps the warning until a check agrees.
 */
export function mismatchFromEvents(
  newestFirst: readonly ClusterEvent[],
): ConsistencyMismatch | null {
  const last = newestFirst.find(
    (e) => e.type === "consistency_mismatch" || e.type === "consistency_agreed",
  );
  if (last?.type !== "consistency_mismatch") return null;
  return mismatchAfter(null, {
    checkedAt: last.checkedAt ?? last.at,
    revision: last.revision,
    members: last.members.map((m) => ({ ...m, hashRevision: null, durationMs: null, error: null })),
    consistent: false,
    outcome: "inconsistent",
    reason: null,
    trigger: null,
    attempts: 0,
    running: false,
    nextCheckAt: null,
  });
}
