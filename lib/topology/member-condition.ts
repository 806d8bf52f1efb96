import type { MemberView, ObservedWarning, WarningCode } from "../health/cluster-health";

/**
 * How a member is drawn: red when it cannot take part (unreachable, cut off), amber when it
 * answers but something is wrong (no leader, catching up, lagging, an alarm, a failing
 * self-check), grey when nothing is known (not started, Raftscope blind).
 */
export type MemberCondition =
  | { kind: "unreachable"; reason: string; label: string }
  | { kind: "degraded"; reasons: string[] }
  | { kind: "unknown"; label: string }
  | { kind: "ok" };

/** Short words for the member warnings that make it amber; the rest are about the cluster. */
const shortReasons: Partial<Record<WarningCode, string>> = {
  APPLY_LAG: "lagging",
  DB_NEAR_QUOTA: "db near quota",
  SLOW_FSYNC: "slow fsync",
  SLOW_COMMIT: "slow commit",
  HIGH_PEER_RTT: "slow peers",
};

/** A verdict warning; `state` is absent on warnings judged alone (tests, one-off verdicts). */
type JudgedWarning = ObservedWarning & { state?: "pending" | "firing" };

/**
 * The member's drawn state from the health verdict: the state the server judged first
 * (unreachable, cut off, not started, no leader), then its alarms, failing self-checks and the
 * verdict's warnings about it, in short words that fit in a box. Nothing is judged here: a
 * warning counts once the server's rule fires it (a pending one is not drawn), and failing
 * self-checks are named only under the server's firing MEMBER_NOT_READY for this member (which
 * already leaves out a learner's expected `non_learner` failure).
 */
export function memberCondition(
  member: MemberView,
  warnings: readonly JudgedWarning[],
): MemberCondition {
  switch (member.state) {
    case "unknown":
    case "not-started":
      return { kind: "unknown", label: member.stateLabel };
    case "unreachable":
      return {
        kind: "unreachable",
        reason: member.error ?? "does not answer",
        label: "unreachable",
      };
    case "cut-off":
      return { kind: "unreachable", reason: member.stateLabel, label: "cut off" };
    default:
      break;
  }
  const fromState =
    member.state === "no-leader"
      ? ["alive, no leader"]
      : member.state === "catching-up"
        ? ["catching up"]
        : [];
  const own = warnings.filter(
    (w) => w.memberId === member.id && w.severity !== "info" && w.state !== "pending",
  );
  const notReady = own.some((w) => w.code === "MEMBER_NOT_READY");
  const failingChecks = notReady
    ? member.selfChecks
        .filter((c) => !c.ok && !(member.role === "learner" && c.name === "non_learner"))
        .map((c) => `not ready: ${c.name}`)
    : [];
  const fromWarnings = own.flatMap((w) => {
    const short = shortReasons[w.code];
    return short ? [short] : [];
  });
  const reasons = [
    ...new Set([
      ...fromState,
      ...member.alarms.map((a) => `${a} alarm`),
      ...failingChecks,
      ...fromWarnings,
    ]),
  ];
  return reasons.length > 0 ? { kind: "degraded", reasons } : { kind: "ok" };
}

/** The condition in words: "unreachable", the degraded reasons, or "healthy". */
export function conditionText(condition: MemberCondition): string {
  if (condition.kind === "unreachable" || condition.kind === "unknown") return condition.label;
  if (condition.kind === "degraded") return condition.reasons.join(", ");
  return "healthy";
}
