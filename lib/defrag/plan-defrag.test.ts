import { describe, expect, it } from "vitest";
import { makeHealth } from "../test-factories/health-factory";
import { ids, type MemberSpec, makeCluster } from "../test-factories/member-snapshot-factory";
import { lastDefrag } from "./last-defrag";
import { planDefrag } from "./plan-defrag";

// Sizes as a 3.4.23 member reported them after 20k puts and deletes on one key range.
const FRAGMENTED = { dbSizeBytes: 41_963_520, dbSizeInUseBytes: 10_489_856 };

function advise(specs: MemberSpec[], metrics: Parameters<typeof planDefrag>[1] = {}) {
  return planDefrag(makeHealth(makeCluster(specs)), metrics);
}

describe("planDefrag", () => {
  it("reports reclaimable bytes and fragmentation per member", () => {
    const advice = advise([{ status: FRAGMENTED }, {}, {}]);
    const m1 = advice.members[0];
    expect(m1?.reclaimableBytes).toBe(41_963_520 - 10_489_856);
    expect(m1?.fragmentationPercent).toBeCloseTo(75.0, 1);
    expect(advice.totalReclaimableBytes).toBe(41_963_520 - 10_489_856 + 2 * (20480 - 16384));
  });

  it("orders followers first and the leader last, one step each, with the quorum left", () => {
    const advice = advise([{}, {}, {}]);
    expect(advice.plan.map((s) => s.name)).toEqual(["m2", "m3", "m1"]);
    expect(advice.plan[0]?.summary).toBe(
      "defragmenting m2 leaves 2 of 3 voters; can lose 0 more meanwhile",
    );
    expect(advice.plan[0]?.command).toBe(
      "etcdctl defrag --endpoints=https://127.0.0.1:2389 --cacert=<ca.crt> --cert=<client.crt> --key=<client.key> --command-timeout=60s",
    );
    // Three voters leave no margin at any step.
    expect(advice.warnings.filter((w) => w.code === "NO_MARGIN")).toHaveLength(3);
  });

  it("puts learners first, since they do not count for quorum", () => {
    const advice = advise([{}, {}, {}, {}, {}, { learner: true }]);
    expect(advice.plan[0]).toMatchObject({ name: "m6", role: "learner", votersLeft: 5 });
    expect(advice.plan.at(-1)?.name).toBe("m1");
    // Five voters: pausing one leaves 4, one more than the quorum of 3.
    expect(advice.plan[1]).toMatchObject({ votersLeft: 4, canLoseMeanwhile: 1 });
    expect(advice.warnings).toEqual([]);
  });

  it("labels a member with a defragmentation in flight as defragmenting, not down", () => {
    const advice = advise([{}, {}, {}, {}, {}], { [ids[1] ?? ""]: { defragInflight: true } });
    expect(advice.members[1]?.state).toBe("defragmenting");
    expect(advice.warnings[0]).toMatchObject({ code: "ALREADY_DEFRAGMENTING", memberId: ids[1] });
    // It is not planned again, and it counts as paused for every other step.
    expect(advice.plan.map((s) => s.name)).toEqual(["m3", "m4", "m5", "m1"]);
    expect(advice.plan[0]).toMatchObject({ votersLeft: 3, canLoseMeanwhile: 0 });
  });

  it("warns that a step would stop writes when a voter is already down", () => {
    const advice = advise([{}, { down: true }, {}]);
    expect(advice.members[1]?.state).toBe("down");
    expect(advice.plan.map((s) => s.name)).toEqual(["m3", "m1"]);
    expect(advice.plan[0]?.summary).toBe(
      "defragmenting m3 leaves 1 of 3 voters; writes stop meanwhile",
    );
    expect(advice.warnings.map((w) => w.code)).toEqual([
      "MEMBER_DOWN",
      "STOPS_WRITES",
      "STOPS_WRITES",
    ]);
  });

  it("lengthens the command timeout after a slow defragmentation", () => {
    const advice = advise([{}, {}, {}], {
      [ids[1] ?? ""]: { defragCount: 1, defragSumSeconds: 42 },
    });
    expect(advice.members[1]?.lastDefrag).toEqual({ kind: "exact", seconds: 42 });
    expect(advice.plan[0]?.command).toMatch(/--command-timeout=126s$/);
  });
});

describe("lastDefrag", () => {
  it("knows the duration of the only defragmentation, and only the mean of several", () => {
    expect(lastDefrag(undefined, undefined)).toEqual({ kind: "unknown" });
    expect(lastDefrag(0, 0)).toEqual({ kind: "none" });
    expect(lastDefrag(1, 0.25)).toEqual({ kind: "exact", seconds: 0.25 });
    expect(lastDefrag(4, 2)).toEqual({ kind: "mean", seconds: 0.5, count: 4 });
  });

  it("plans no step for a member with too little to give back, and says so", () => {
    const compact = { dbSizeBytes: 25_034_752, dbSizeInUseBytes: 25_034_752 };
    const advice = advise([{ status: compact }, { status: FRAGMENTED }, { status: compact }]);
    expect(advice.plan.map((s) => s.name)).toEqual(["m2"]);
    expect(advice.skipped).toEqual([
      {
        memberId: ids[0],
        name: "m1",
        message: "m1 has 0 B to give back (0.0 % of its database): no step",
      },
      expect.objectContaining({ name: "m3" }),
    ]);
  });

  it("plans a large database by bytes, whatever its share, and a member of unknown use", () => {
    const large = { dbSizeBytes: 6 * 1024 ** 3, dbSizeInUseBytes: 6 * 1024 ** 3 - 300 * 1024 ** 2 };
    const advice = advise([{ status: large }, { status: { dbSizeInUseBytes: undefined } }, {}]);
    expect(advice.members[0]?.fragmentationPercent).toBeLessThan(10);
    expect(advice.members[1]?.reclaimableBytes).toBeNull();
    expect(advice.plan.map((s) => s.name).sort()).toEqual(["m1", "m2", "m3"]);
    expect(advice.skipped).toEqual([]);
  });
});
