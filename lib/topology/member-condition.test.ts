import { describe, expect, it } from "vitest";
import type { MemberView, ObservedWarning } from "../health/cluster-health";
import { makeMemberView } from "../test-factories/member-view-factory";
import { memberCondition } from "./member-condition";

const member = (over: Partial<MemberView> = {}): MemberView => makeMemberView(over);

const warning = (code: ObservedWarning["code"], memberId = "a"): ObservedWarning => ({
  code,
  severity: "warning",
  memberId,
  message: code,
});

describe("memberCondition", () => {
  it("is red when the member does not answer, with its error", () => {
    expect(
      memberCondition(
        member({ reachable: false, state: "unreachable", error: "context deadline exceeded" }),
        [],
      ),
    ).toEqual({
      kind: "unreachable",
      reason: "context deadline exceeded",
      label: "unreachable",
    });
  });

  it("draws a cut-off member red, one without a leader amber, an unstarted one grey", () => {
    expect(
      memberCondition(
        member({ state: "cut-off", stateLabel: "cut off: follows no leader for 9 s" }),
        [],
      ).kind,
    ).toBe("unreachable");
    expect(memberCondition(member({ state: "no-leader" }), [])).toEqual({
      kind: "degraded",
      reasons: ["alive, no leader"],
    });
    expect(
      memberCondition(member({ state: "not-started", stateLabel: "added, not started" }), []),
    ).toEqual({ kind: "unknown", label: "added, not started" });
  });

  it("is amber for lag, alarms and slow disks, each said once", () => {
    const c = memberCondition(member({ alarms: ["NOSPACE"] }), [
      warning("APPLY_LAG"),
      warning("SLOW_FSYNC"),
      warning("ALARM_NOSPACE"),
      warning("APPLY_LAG", "b"),
    ]);
    expect(c).toEqual({ kind: "degraded", reasons: ["NOSPACE alarm", "lagging", "slow fsync"] });
  });

  it("ignores cluster-wide warnings and info", () => {
    expect(
      memberCondition(member(), [
        warning("EVEN_VOTERS"),
        { ...warning("APPLY_LAG"), severity: "info" },
      ]),
    ).toEqual({
      kind: "ok",
    });
  });
});

describe("memberCondition draws only what the server judged", () => {
  const failing = member({
    selfChecks: [
      {
        endpoint: "readyz",
        name: "serializable_read",
        ok: false,
        checkedAt: "2026-11-29T17:00:00.000Z",
      },
    ],
  });

  it("names failing self-checks under a firing MEMBER_NOT_READY, not before", () => {
    expect(memberCondition(failing, [])).toEqual({ kind: "ok" });
    expect(
      memberCondition(failing, [{ ...warning("MEMBER_NOT_READY"), state: "pending" as const }]),
    ).toEqual({ kind: "ok" });
    expect(
      memberCondition(failing, [{ ...warning("MEMBER_NOT_READY"), state: "firing" as const }]),
    ).toEqual({ kind: "degraded", reasons: ["not ready: serializable_read"] });
  });

  it("does not draw a pending warning", () => {
    expect(
      memberCondition(member(), [{ ...warning("SLOW_FSYNC"), state: "pending" as const }]),
    ).toEqual({ kind: "ok" });
  });
});
