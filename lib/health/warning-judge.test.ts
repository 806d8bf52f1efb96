import { describe, expect, it } from "vitest";
import type { ClusterSnapshot } from "../member-snapshot";
import { twoFollowersStopped } from "../test-factories/captured-snapshots";
import { makeHealth } from "../test-factories/health-factory";
import { ids, type MemberSpec, makeCluster } from "../test-factories/member-snapshot-factory";
import { clusterHealthSchema, warningCodeSchema } from "./cluster-health";
import { thresholds } from "./thresholds";
import { WarningJudge } from "./warning-judge";
import { warningRules } from "./warning-rules";

const T0 = 1_700_000_000_000;
const iso = (t: number) => new Date(t).toISOString();

/** A cluster of etcd 3.4.23 members as the harness answered, observed at `t`. */
const at = (t: number, specs: MemberSpec[]): ClusterSnapshot => ({
  ...makeCluster(specs),
  observedAt: t,
});

/** One poller's verdicts in order, judged by one WarningJudge, as the verdict publisher does. */
function verdicts() {
  const judge = new WarningJudge();
  return (snapshot: ClusterSnapshot) => makeHealth(snapshot, { judge: judge.judge });
}

// A follower applying a burst of writes a moment after the leader (applyLagThreshold 1000).
const lagging: MemberSpec[] = [
  { status: { raftAppliedIndex: 5000 } },
  { status: { raftAppliedIndex: 3000 } },
  { status: { raftAppliedIndex: 5000 } },
];
const healthy: MemberSpec[] = [{}, {}, {}];

describe("WarningJudge: warnings as rules with pending and firing", () => {
  it("has a rule for every warning code", () => {
    expect(Object.keys(warningRules).sort()).toEqual([...warningCodeSchema.options].sort());
    for (const [code, rule] of Object.entries(warningRules)) {
      expect(rule.code).toBe(code);
      expect(rule.source).not.toBe("");
    }
  });

  it("fires NO_LEADER, a down member and quorum's alarms at the first verdict that sees them", () => {
    for (const code of ["NO_LEADER", "MEMBER_UNREACHABLE", "MEMBER_ISOLATED", "ALARM_NOSPACE"]) {
      expect(warningRules[code as keyof typeof warningRules].forMs).toBe(0);
    }
    const judge = verdicts();
    judge(at(T0, healthy));
    const down = judge(at(T0 + 1000, [{}, { down: true }, {}]));
    expect(down.warnings).toEqual([
      expect.objectContaining({
        code: "MEMBER_UNREACHABLE",
        memberId: ids[1],
        state: "firing",
        activeAt: iso(T0 + 1000),
      }),
    ]);
    expect(down.status).toBe("critical");
    const leaderless = judge(
      at(T0 + 2000, [{ status: { leaderId: undefined } }, { down: true }, { down: true }]),
    );
    expect(leaderless.warnings.find((w) => w.code === "NO_LEADER")).toMatchObject({
      state: "firing",
      activeAt: iso(T0 + 2000),
    });
    expect(leaderless.status).toBe("unavailable");
  });

  it("keeps a transient pending, out of the status, until it has held for its rule's `for`", () => {
    const judge = verdicts();
    const first = judge(at(T0, lagging));
    expect(first.warnings).toEqual([
      expect.objectContaining({ code: "APPLY_LAG", state: "pending", activeAt: iso(T0) }),
    ]);
    expect(first.status).toBe("healthy");
    const still = judge(at(T0 + thresholds.confirmMs - 1, lagging));
    expect(still.warnings[0]?.state).toBe("pending");
    const fired = judge(at(T0 + thresholds.confirmMs, lagging));
    expect(fired.warnings).toEqual([
      expect.objectContaining({ code: "APPLY_LAG", state: "firing", activeAt: iso(T0) }),
    ]);
    expect(fired.status).toBe("degraded");
    expect(clusterHealthSchema.safeParse(fired).success).toBe(true);
  });

  it("resolves a warning at the first verdict without it, and starts its clock anew after", () => {
    const judge = verdicts();
    judge(at(T0, lagging));
    judge(at(T0 + 1000, lagging));
    const caughtUp = judge(at(T0 + 2000, healthy));
    expect(caughtUp.warnings).toEqual([]);
    expect(caughtUp.status).toBe("healthy");
    const again = judge(at(T0 + 3000, lagging));
    expect(again.warnings[0]).toMatchObject({ state: "pending", activeAt: iso(T0 + 3000) });
  });

  it("starts a pending warning over when one verdict in between did not see it", () => {
    const judge = verdicts();
    judge(at(T0, lagging));
    judge(at(T0 + 500, healthy));
    const back = judge(at(T0 + 1000, lagging));
    expect(back.warnings[0]).toMatchObject({ state: "pending", activeAt: iso(T0 + 1000) });
  });

  it("keeps one clock per member", () => {
    const judge = verdicts();
    judge(at(T0, lagging));
    const both = judge(
      at(T0 + 1000, [
        { status: { raftAppliedIndex: 5000 } },
        { status: { raftAppliedIndex: 3000 } },
        { status: { raftAppliedIndex: 3500 } },
      ]),
    );
    expect(both.warnings.map((w) => [w.memberId, w.state, w.activeAt])).toEqual([
      [ids[1], "firing", iso(T0)],
      [ids[2], "pending", iso(T0 + 1000)],
    ]);
  });

  it("keeps a warning's clock when only its severity or message changes", () => {
    const judge = verdicts();
    const quota = thresholds.defaultQuotaBackendBytes;
    const filling = (ratio: number): MemberSpec[] => [
      { status: { dbSizeBytes: quota * ratio }, metrics: { quotaBackendBytes: quota } },
      {},
      {},
    ];
    judge(at(T0, filling(thresholds.dbQuotaWarnRatio)));
    const full = judge(at(T0 + 5000, filling(thresholds.dbQuotaCriticalRatio)));
    expect(full.warnings[0]).toMatchObject({
      code: "DB_NEAR_QUOTA",
      severity: "critical",
      state: "firing",
      activeAt: iso(T0),
    });
  });
});

describe("WarningJudge on verdicts of a real etcd 3.4 cluster losing two followers", () => {
  const snapshots = twoFollowersStopped();
  const judge = verdicts();
  const replay = snapshots.map((s) => ({ snapshot: s, health: judge(s) }));
  const down = (s: ClusterSnapshot) => s.members.filter((m) => m.probe.kind === "unreachable");
  const firstDown = replay.findIndex(({ snapshot }) => down(snapshot).length > 0);
  const lastDown = replay.findLastIndex(({ snapshot }) => down(snapshot).length > 0);

  it("fires each down member and NO_LEADER at the first verdict that sees them", () => {
    expect(firstDown).toBeGreaterThan(0);
    const firstSeenDown = (memberId: string | undefined) =>
      replay.find(({ snapshot }) => down(snapshot).some((m) => m.member.id === memberId))?.snapshot
        .observedAt;
    const immediate = replay.flatMap(({ health }) =>
      health.warnings.filter((w) => w.code === "MEMBER_UNREACHABLE" || w.code === "NO_LEADER"),
    );
    expect(immediate.every((w) => w.state === "firing")).toBe(true);
    for (const w of immediate.filter((x) => x.code === "MEMBER_UNREACHABLE")) {
      expect(w.activeAt).toBe(iso(firstSeenDown(w.memberId) ?? 0));
    }
    expect(new Set(immediate.map((w) => w.memberId ?? "")).size).toBe(3);
    expect(replay[firstDown]?.health.status).toBe("critical");
    const leaderless = replay.find(({ health }) =>
      health.warnings.some((w) => w.code === "NO_LEADER"),
    );
    expect(leaderless?.health.warnings.find((w) => w.code === "NO_LEADER")?.activeAt).toBe(
      iso(leaderless?.snapshot.observedAt ?? 0),
    );
  });

  it("resolves them at the first verdict with every member back", () => {
    expect(lastDown).toBeLessThan(replay.length - 1);
    const back = replay[lastDown + 1]?.health;
    expect(back?.warnings.filter((w) => w.severity === "critical")).toEqual([]);
    expect(back?.status).toBe("healthy");
  });

  it("keeps the restarted members' one slow commit scrape pending: the status stays healthy", () => {
    const after = replay.slice(lastDown + 1);
    const slow = after.flatMap(({ health }) =>
      health.warnings.filter((w) => w.code === "SLOW_COMMIT"),
    );
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.every((w) => w.state === "pending")).toBe(true);
    expect(after.map(({ health }) => health.status)).toEqual(after.map(() => "healthy"));
  });
});

describe("WarningJudge: a peer round trip that measured an outage", () => {
  // etcd probes each peer once per 30 s; the one probe that waited out a frozen peer reads
  // 3.2 s (as seen after SIGSTOP/SIGCONT of a demo member) and stays current until the next.
  const slowTo1: MemberSpec[] = [
    { metrics: { peerRoundTripP99Seconds: { [ids[1] ?? ""]: 3.244 } } },
    {},
    {},
  ];

  it("keeps a recovered cluster healthy while that one probe is current", () => {
    const judge = verdicts();
    for (let s = 0; s <= 30; s += 2) {
      const h = judge(at(T0 + s * 1000, slowTo1));
      expect(h.status).toBe("healthy");
      const w = h.warnings.find((x) => x.code === "HIGH_PEER_RTT");
      expect(w?.state).toBe("pending");
      expect(w?.message).toMatch(/to peer m2 is 3244 ms/);
    }
    // The next probe is normal: the warning is gone without ever firing.
    expect(judge(at(T0 + 32_000, healthy)).warnings).toEqual([]);
  });

  it("stays pending through two high records (an outage smoothed into the next), and fires after three, 90 s", () => {
    const judge = verdicts();
    let h = judge(at(T0, slowTo1));
    for (let s = 2; s <= 64; s += 2) h = judge(at(T0 + s * 1000, slowTo1));
    expect(h.warnings.find((x) => x.code === "HIGH_PEER_RTT")?.state).toBe("pending");
    expect(h.status).toBe("healthy");
    for (let s = 66; s <= 90; s += 2) h = judge(at(T0 + s * 1000, slowTo1));
    expect(h.warnings.find((x) => x.code === "HIGH_PEER_RTT")?.state).toBe("firing");
    expect(h.status).toBe("degraded");
  });
});
