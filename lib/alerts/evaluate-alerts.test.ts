import { describe, expect, it } from "vitest";
import type { MemberSample } from "../history/history-point";
import type { AlertContext } from "./alert-rule";
import { type AlertResult, evaluateAlerts } from "./evaluate-alerts";
import { makeHistory } from "./make-history";

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

function ctx(points: AlertContext["points"]): AlertContext {
  return { points, voterIds: ["a", "b", "c"], defaultQuotaBytes: 2 * GIB };
}

function result(results: AlertResult[], name: string, severity = "warning"): AlertResult {
  const r = results.find((x) => x.rule.name === name && x.rule.severity === severity);
  if (!r) throw new Error(`no result for ${name} (${severity})`);
  return r;
}

const quiet: Partial<MemberSample> = {
  walFsyncP99Seconds: 0.004,
  backendCommitP99Seconds: 0.01,
  peerRoundTripP99Seconds: 0.002,
  leaderChangesSeenTotal: 1,
  proposalsFailedRate: 0,
  grpcRequestRate: 50,
  grpcFailedRate: 0,
  dbSizeBytes: 20 * MIB,
  dbSizeInUseBytes: 18 * MIB,
  quotaBackendBytes: 2 * GIB,
};

describe("evaluateAlerts on a healthy cluster", () => {
  it("reports every rule ok", () => {
    const results = evaluateAlerts(ctx(makeHistory({ minutes: 60, sample: () => quiet })));
    const notOk = results.filter((r) => r.state !== "ok");
    // Growth needs no alert; fragmentation is ok on a small database.
    expect(notOk.map((r) => `${r.rule.name}:${r.state}`)).toEqual([]);
  });

  it("says no-data without history", () => {
    const results = evaluateAlerts(ctx([]));
    expect(results.every((r) => r.state === "no-data")).toBe(true);
  });

  it("says no-data for a metric no member exposes", () => {
    const results = evaluateAlerts(ctx(makeHistory({ minutes: 20 })));
    expect(result(results, "etcdHighFsyncDurations").state).toBe("no-data");
    expect(result(results, "etcdNoLeader", "critical").state).toBe("ok");
  });
});

describe("etcdHighFsyncDurations: p99 > 0.5 s warning, > 1 s critical, for 10 minutes", () => {
  const slowFor = (minutes: number, value: number) =>
    evaluateAlerts(
      ctx(
        makeHistory({
          minutes: 30,
          sample: (id, _t, ago) => ({
            ...quiet,
            walFsyncP99Seconds: id === "b" && ago <= minutes ? value : 0.004,
          }),
        }),
      ),
    );

  it("is pending while the condition has held for less than 10 minutes", () => {
    const r = result(slowFor(4, 0.7), "etcdHighFsyncDurations");
    expect(r.state).toBe("pending");
    expect(r.current).toMatchObject({ value: 0.7, memberId: "b" });
    expect(r.activeForMs).toBe(4 * 60_000);
  });

  it("fires once it has held for 10 minutes", () => {
    const results = slowFor(12, 0.7);
    expect(result(results, "etcdHighFsyncDurations").state).toBe("firing");
    expect(result(results, "etcdHighFsyncDurations", "critical").state).toBe("ok");
  });

  it("fires the critical rule above 1 s", () => {
    expect(result(slowFor(12, 1.2), "etcdHighFsyncDurations", "critical").state).toBe("firing");
  });

  it("does not fire at exactly the threshold", () => {
    expect(result(slowFor(12, 0.5), "etcdHighFsyncDurations").state).toBe("ok");
  });

  it("starts over after a gap in the data", () => {
    const points = makeHistory({
      minutes: 30,
      sample: (_id, _t, ago) => (ago > 6 && ago < 7 ? {} : { ...quiet, walFsyncP99Seconds: 0.8 }),
    });
    const r = result(evaluateAlerts(ctx(points)), "etcdHighFsyncDurations");
    expect(r.state).toBe("pending");
  });
});

describe("latency and size rules at their thresholds", () => {
  const run = (sample: Partial<MemberSample>, minutes = 15) =>
    evaluateAlerts(ctx(makeHistory({ minutes, sample: () => ({ ...quiet, ...sample }) })));

  it("etcdHighCommitDurations fires above 0.25 s", () => {
    expect(result(run({ backendCommitP99Seconds: 0.3 }), "etcdHighCommitDurations").state).toBe(
      "firing",
    );
    expect(result(run({ backendCommitP99Seconds: 0.2 }), "etcdHighCommitDurations").state).toBe(
      "ok",
    );
  });

  it("etcdMemberCommunicationSlow fires above 0.15 s", () => {
    expect(result(run({ peerRoundTripP99Seconds: 0.2 }), "etcdMemberCommunicationSlow").state).toBe(
      "firing",
    );
    expect(result(run({ peerRoundTripP99Seconds: 0.1 }), "etcdMemberCommunicationSlow").state).toBe(
      "ok",
    );
  });

  it("etcdDatabaseQuotaLowSpace fires above 95 % of the quota, using the default quota when unknown", () => {
    const full = run({ dbSizeBytes: 1.95 * GIB, quotaBackendBytes: 2 * GIB });
    expect(result(full, "etcdDatabaseQuotaLowSpace", "critical").state).toBe("firing");
    const noQuota = run({ dbSizeBytes: 1.95 * GIB, quotaBackendBytes: undefined });
    expect(result(noQuota, "etcdDatabaseQuotaLowSpace", "critical").current?.value).toBeCloseTo(
      97.5,
    );
    expect(
      result(run({ dbSizeBytes: 1.8 * GIB }), "etcdDatabaseQuotaLowSpace", "critical").state,
    ).toBe("ok");
  });

  it("etcdDatabaseHighFragmentationRatio needs both a low ratio and more than 100 MiB in use", () => {
    const fragmented = run({ dbSizeBytes: 400 * MIB, dbSizeInUseBytes: 150 * MIB });
    const r = result(fragmented, "etcdDatabaseHighFragmentationRatio");
    expect(r.state).toBe("firing");
    expect(r.current?.value).toBeCloseTo(0.375);
    const small = run({ dbSizeBytes: 40 * MIB, dbSizeInUseBytes: 10 * MIB });
    expect(result(small, "etcdDatabaseHighFragmentationRatio").state).toBe("ok");
    expect(result(small, "etcdDatabaseHighFragmentationRatio").current?.value).toBeCloseTo(0.25);
  });

  it("etcdExcessiveDatabaseGrowth fires when the 4-hour projection passes the quota", () => {
    // 1 GiB now, growing 5 MiB a minute: 1 GiB + 1200 MiB in 4 hours > 2 GiB.
    const growing = evaluateAlerts(
      ctx(
        makeHistory({
          minutes: 30,
          sample: (_id, _t, ago) => ({ ...quiet, dbSizeBytes: GIB - ago * 5 * MIB }),
        }),
      ),
    );
    const r = result(growing, "etcdExcessiveDatabaseGrowth");
    expect(r.state).toBe("firing");
    expect(r.current?.value).toBeGreaterThan(100);
    const slow = evaluateAlerts(
      ctx(
        makeHistory({
          minutes: 30,
          sample: (_id, _t, ago) => ({ ...quiet, dbSizeBytes: GIB - ago * MIB }),
        }),
      ),
    );
    expect(result(slow, "etcdExcessiveDatabaseGrowth").state).toBe("ok");
  });

  it("etcdExcessiveDatabaseGrowth waits for five minutes of history", () => {
    const young = evaluateAlerts(ctx(makeHistory({ minutes: 3, sample: () => quiet })));
    expect(result(young, "etcdExcessiveDatabaseGrowth").state).toBe("no-data");
  });
});

describe("counting rules", () => {
  it("etcdHighNumberOfLeaderChanges: 4 changes in 15 minutes, held for 5 minutes", () => {
    // A change a minute from 12 to 8 minutes ago; member c restarts 5 minutes ago (reset to 0).
    const changes = (ago: number) => Math.min(5, Math.max(0, Math.floor(13 - ago)));
    const points = makeHistory({
      minutes: 20,
      sample: (id, _t, ago) => ({
        ...quiet,
        leaderChangesSeenTotal: id === "c" && ago < 5 ? 0 : 10 + changes(ago),
      }),
    });
    const r = result(evaluateAlerts(ctx(points)), "etcdHighNumberOfLeaderChanges");
    expect(r.current?.value).toBe(5);
    expect(r.state).toBe("firing");
  });

  it("etcdHighNumberOfLeaderChanges stays ok at 3 changes", () => {
    const points = makeHistory({
      minutes: 20,
      sample: (_id, _t, ago) => ({
        ...quiet,
        leaderChangesSeenTotal: ago < 3 ? 4 : ago < 6 ? 3 : ago < 9 ? 2 : 1,
      }),
    });
    expect(result(evaluateAlerts(ctx(points)), "etcdHighNumberOfLeaderChanges").state).toBe("ok");
  });

  it("etcdHighNumberOfFailedProposals: more than 5 in an hour, held for 15 minutes", () => {
    // 0.01 failed proposals a second is 36 an hour.
    const points = makeHistory({
      minutes: 60,
      sample: () => ({ ...quiet, proposalsFailedRate: 0.01 }),
    });
    const r = result(evaluateAlerts(ctx(points)), "etcdHighNumberOfFailedProposals");
    expect(r.state).toBe("firing");
    expect(r.current?.value).toBeCloseTo(36, 0);
    const few = makeHistory({
      minutes: 60,
      sample: () => ({ ...quiet, proposalsFailedRate: 0.001 }),
    });
    expect(result(evaluateAlerts(ctx(few)), "etcdHighNumberOfFailedProposals").state).toBe("ok");
  });

  it("etcdHighNumberOfFailedGRPCRequests: > 1 % warning for 10 minutes, > 5 % critical for 5", () => {
    const run = (failed: number, minutes: number) =>
      evaluateAlerts(
        ctx(
          makeHistory({
            minutes: 30,
            sample: (_id, _t, ago) => ({ ...quiet, grpcFailedRate: ago <= minutes ? failed : 0 }),
          }),
        ),
      );
    // The 5-minute rate window lags the change by up to 5 minutes.
    const warn = run(1, 16);
    expect(result(warn, "etcdHighNumberOfFailedGRPCRequests").state).toBe("firing");
    expect(result(warn, "etcdHighNumberOfFailedGRPCRequests", "critical").state).toBe("ok");
    const crit = run(5, 9);
    expect(result(crit, "etcdHighNumberOfFailedGRPCRequests", "critical").state).toBe("firing");
    expect(result(crit, "etcdHighNumberOfFailedGRPCRequests").state).toBe("pending");
  });
});

describe("membership rules", () => {
  it("etcdNoLeader fires after a minute without a leader", () => {
    const points = makeHistory({ minutes: 5, leaderId: (_t, ago) => (ago <= 1.5 ? null : "a") });
    expect(result(evaluateAlerts(ctx(points)), "etcdNoLeader", "critical").state).toBe("firing");
    const brief = makeHistory({ minutes: 5, leaderId: (_t, ago) => (ago <= 0.5 ? null : "a") });
    expect(result(evaluateAlerts(ctx(brief)), "etcdNoLeader", "critical").state).toBe("pending");
  });

  it("etcdInsufficientMembers fires when a majority of voters is down for 3 minutes", () => {
    const points = makeHistory({
      minutes: 10,
      sample: (id, _t, ago) => ({ reachable: !(ago <= 4 && id !== "a") }),
      leaderId: () => null,
    });
    const results = evaluateAlerts(ctx(points));
    expect(result(results, "etcdInsufficientMembers", "critical")).toMatchObject({
      state: "firing",
      current: { value: 1 },
    });
    expect(result(results, "etcdMembersDown", "critical").state).toBe("pending");
  });

  it("etcdInsufficientMembers stays ok with one of three members down", () => {
    const points = makeHistory({
      minutes: 20,
      sample: (id, _t, ago) => ({ reachable: id !== "c" || ago > 5 }),
    });
    const results = evaluateAlerts(ctx(points));
    expect(result(results, "etcdInsufficientMembers", "critical").state).toBe("ok");
    expect(result(results, "etcdMembersDown", "critical").state).toBe("pending");
  });

  it("etcdNoLeader has no data while no member answers", () => {
    const points = makeHistory({
      minutes: 5,
      sample: () => ({ reachable: false }),
      leaderId: () => null,
    });
    expect(result(evaluateAlerts(ctx(points)), "etcdNoLeader", "critical").state).toBe("no-data");
  });
});
