import type { HealthWarning, MemberView, WarningCode } from "../health/cluster-health";

/** How a member is drawn: red when it does not answer, amber when it lags or has an alarm. */
export type MemberCondition =
  | { kind: "unreachable"; reason: string }
  | { kind: "degraded"; reasons: string[] }
  | { kind: "ok" };

/** Short words for the member warnings that make it amber; the rest are about the cluster. */
const shortReasons: Partial<Record<WarningCode, string>> = {
  APPLY_LAG: "lagging",
  DB_NEAR_QUOTA: "db near quota",
  SLOW_FSYNC: "slow fsync",
  SLOW_COMMIT: "slow commit",
  HIGH_PEER_RTT: "slow peers",
};

/**
 * The member's drawn state from the health verdict: unreachable first, then its alarms and the
 * verdict's warnings about it (lag, slow disk, slow peers, a database near its quota), in short
 * words that fit in a box.
 */
export function memberCondition(
  member: MemberView,
  warnings: readonly HealthWarning[],
): MemberCondition {
  if (!member.reachable) {
    return { kind: "unreachable", reason: member.error ?? "does not answer" };
  }
  const fromWarnings = warnings
    .filter((w) => w.memberId === member.id && w.severity !== "info")
    .flatMap((w) => {
      const short = shortReasons[w.code];
      return short ? [short] : [];
    });
  const reasons = [...new Set([...member.alarms.map((a) => `${a} alarm`), ...fromWarnings])];
  return reasons.length > 0 ? { kind: "degraded", reasons } : { kind: "ok" };
}

/** The condition in words: "unreachable", the degraded reasons, or "healthy". */
export function conditionText(condition: MemberCondition): string {
  if (condition.kind === "unreachable") return "unreachable";
  if (condition.kind === "degraded") return condition.reasons.join(", ");
  return "healthy";
}
