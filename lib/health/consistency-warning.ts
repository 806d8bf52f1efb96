import type { ConsistencyMismatch } from "../consistency/consistency-mismatch";
import type { ObservedWarning } from "./cluster-health";

/**
 * The verdict's critical warning for a confirmed consistency mismatch: which members' hashes
 * differ, at which revision. Data that differs between members is etcd's worst failure (etcd
 * 3.5.0–3.5.2 shipped such a bug), so it stays until a later check agrees. Judged by its rule
 * in warning-rules.ts like every other warning.
 */
export function consistencyWarning(m: ConsistencyMismatch): ObservedWarning {
  const members = m.differing.map((d) => `${d.name} (hash ${d.hash})`).join(", ");
  const against =
    m.majorityHash === null
      ? "no group of members outnumbers the others"
      : `the others hash ${m.majorityHash}`;
  return {
    code: "CONSISTENCY_MISMATCH",
    severity: "critical",
    ...(m.differing.length === 1 && m.differing[0] ? { memberId: m.differing[0].id } : {}),
    message: `Members' copies differ at revision ${m.revision}: ${members} — ${against}. Checked at ${m.checkedAt}; this stays until a check agrees`,
  };
}
