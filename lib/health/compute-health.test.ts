import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClusterSnapshot } from "../member-snapshot";
import { ids, type MemberSpec, makeCluster } from "../test-factories/member-snapshot-factory";
import type { WarningCode } from "./cluster-health";
import { computeClusterHealth } from "./compute-health";

function health(snapshot: ClusterSnapshot, leaderChangesInWindow?: number) {
  return computeClusterHealth({
    id: "default",
    name: "Demo",
    snapshot,
    applyLagThreshold: 1000,
    pollIntervalMs: 1000,
    lastGoodSweepAt: snapshot.observedAt,
    ...(leaderChangesInWindow !== undefined ? { leaderChangesInWindow } : {}),
  });
}

const codes = (h: ReturnType<typeof health>): WarningCode[] => h.warnings.map((w) => w.code);
const healthy = (n: number): MemberSpec[] => Array.from({ length: n }, () => ({}));

describe("computeClusterHealth: quorum and status", () => {
  it("calls a healthy 3-member cluster healthy with one failure to spare", () => {
    const h = health(makeCluster(healthy(3)));
    expect(h.status).toBe("healthy");
    expect(h.writable).toBe(true);
    expect(h.leader).toEqual({ id: ids[0], name: "m1" });
    expect(h.raftTerm).toBe(2);
    expect(h.quorum).toEqual({
      voters: 3,
      learners: 0,
      size: 2,
      healthyVoters: 3,
      margin: 1,
      tolerance: 1,
      remaining: 1,
    });
    expect(h.warnings).toEqual([]);
    expect(h.members.map((m) => m.role)).toEqual(["leader", "follower", "follower"]);
  });

  it("gives a 5-member cluster a tolerance of 2", () => {
    const h = health(makeCluster(healthy(5)));
    expect(h.quorum.size).toBe(3);
    expect(h.quorum.tolerance).toBe(2);
    expect(h.quorum.remaining).toBe(2);
  });

  it("is critical when a follower is down in a 3-member cluster: one more failure stops writes", () => {
    const h = health(makeCluster([{}, {}, { down: true }]));
    expect(h.status).toBe("critical");
    expect(h.writable).toBe(true);
    expect(h.quorum.margin).toBe(0);
    expect(h.quorum.remaining).toBe(0);
    expect(codes(h)).toContain("MEMBER_UNREACHABLE");
    expect(h.members[2]?.reachable).toBe(false);
    expect(h.members[2]?.error).toBe("context deadline exceeded");
  });

  it("is degraded when a 5-member cluster lost one member but can take another", () => {
    const h = health(makeCluster([{}, {}, {}, {}, { down: true }]));
    expect(h.status).toBe("degraded");
    expect(h.quorum.remaining).toBe(1);
  });

  it("is unavailable with margin -1 when 2 of 3 are down", () => {
    const h = health(
      makeCluster([{ status: { leaderId: undefined } }, { down: true }, { down: true }]),
    );
    expect(h.status).toBe("unavailable");
    expect(h.writable).toBe(false);
    expect(h.quorum.margin).toBe(-1);
    expect(h.quorum.remaining).toBe(0);
    expect(h.leader).toBeNull();
    expect(codes(h)).toContain("NO_LEADER");
  });

  it("never counts learners toward quorum", () => {
    const h = health(makeCluster([{}, {}, {}, { learner: true }]));
    expect(h.quorum.voters).toBe(3);
    expect(h.quorum.learners).toBe(1);
    expect(h.quorum.size).toBe(2);
    expect(h.members[3]?.role).toBe("learner");
    expect(codes(h)).not.toContain("EVEN_VOTERS");
  });

  it("does not let a down learner change the margin", () => {
    const h = health(makeCluster([{}, {}, {}, { learner: true, down: true }]));
    expect(h.quorum.margin).toBe(1);
    expect(h.status).toBe("degraded");
  });

  it("is unavailable with no leader even when every member answers", () => {
    const none = { status: { leaderId: undefined } };
    const h = health(makeCluster([none, none, none]));
    expect(h.writable).toBe(false);
    expect(h.status).toBe("unavailable");
    expect(codes(h)).toContain("NO_LEADER");
  });

  it("does not trust a leader that followers still name but that cannot be reached", () => {
    const h = health(makeCluster([{ down: true }, {}, {}]));
    expect(h.leader).toBeNull();
    expect(h.writable).toBe(false);
    expect(h.warnings.find((w) => w.code === "NO_LEADER")?.message).toMatch(/m1 is unreachable/);
  });

  it("takes the leader of the highest term when members disagree, and warns", () => {
    const h = health(
      makeCluster([
        { status: { leaderId: ids[0], raftTerm: 2 } },
        { status: { leaderId: ids[1], raftTerm: 3 } },
        { status: { leaderId: ids[1], raftTerm: 3 } },
      ]),
    );
    expect(h.leader?.id).toBe(ids[1]);
    expect(h.raftTerm).toBe(3);
    expect(codes(h)).toContain("LEADER_DISAGREEMENT");
    expect(h.status).toBe("degraded");
  });

  it("reports an empty cluster as unavailable instead of crashing", () => {
    const h = health({ ...makeCluster([]), discoveryError: "No endpoint answered MemberList" });
    expect(h.status).toBe("unavailable");
    expect(h.quorum.voters).toBe(0);
    expect(h.warnings[0]?.message).toMatch(/MemberList/);
  });
});

describe("computeClusterHealth: warnings", () => {
  it("warns about an even number of voters without degrading", () => {
    const h = health(makeCluster(healthy(4)));
    expect(codes(h)).toEqual(["EVEN_VOTERS"]);
    expect(h.status).toBe("healthy");
  });

  it("flags a member whose applied index lags the leader's", () => {
    const h = health(
      makeCluster([
        { status: { raftAppliedIndex: 5000 } },
        { status: { raftAppliedIndex: 3000 } },
        { status: { raftAppliedIndex: 4999 } },
      ]),
    );
    const lag = h.warnings.filter((w) => w.code === "APPLY_LAG");
    expect(lag).toHaveLength(1);
    expect(lag[0]?.memberId).toBe(ids[1]);
    expect(h.members[1]?.applyLag).toBe(2000);
    expect(h.members[0]?.applyLag).toBe(0);
  });

  it("reports NOSPACE once, on the member it was raised on, from Status.errors", () => {
    const alarms = [{ memberId: ids[2] ?? "", alarm: "NOSPACE" as const }];
    const h = health(
      makeCluster([{ status: { alarms } }, { status: { alarms } }, { status: { alarms } }]),
    );
    expect(h.warnings.filter((w) => w.code === "ALARM_NOSPACE")).toHaveLength(1);
    expect(h.members[2]?.alarms).toEqual(["NOSPACE"]);
    expect(h.members[0]?.alarms).toEqual([]);
    expect(h.status).toBe("degraded");
  });

  it("reports CORRUPT", () => {
    const alarms = [{ memberId: ids[0] ?? "", alarm: "CORRUPT" as const }];
    expect(codes(health(makeCluster([{ status: { alarms } }, {}, {}])))).toContain("ALARM_CORRUPT");
  });

  it("warns at 80 % of the quota and is critical past 95 %", () => {
    const quota = 100 * 1024 * 1024;
    const at = (ratio: number) =>
      health(
        makeCluster([
          { status: { dbSizeBytes: quota * ratio }, metrics: { quotaBackendBytes: quota } },
          {},
          {},
        ]),
      ).warnings.find((w) => w.code === "DB_NEAR_QUOTA");
    expect(at(0.5)).toBeUndefined();
    expect(at(0.85)?.severity).toBe("warning");
    expect(at(0.96)?.severity).toBe("critical");
  });

  it("compares fsync and commit p99 with etcd's guidance", () => {
    const h = health(
      makeCluster([
        { metrics: { walFsyncP99Seconds: 0.011 } },
        { metrics: { backendCommitP99Seconds: 0.03 } },
        { metrics: { walFsyncP99Seconds: 0.009, backendCommitP99Seconds: 0.02 } },
      ]),
    );
    expect(h.warnings.filter((w) => w.code === "SLOW_FSYNC").map((w) => w.memberId)).toEqual([
      ids[0],
    ]);
    expect(h.warnings.filter((w) => w.code === "SLOW_COMMIT").map((w) => w.memberId)).toEqual([
      ids[1],
    ]);
  });

  it("warns about a slow peer link", () => {
    const h = health(
      makeCluster([{ metrics: { peerRoundTripP99Seconds: { [ids[1] ?? ""]: 0.2 } } }, {}, {}]),
    );
    expect(codes(h)).toContain("HIGH_PEER_RTT");
  });

  it("warns at 4 leader changes in 15 minutes, as etcd's alert rule does", () => {
    expect(codes(health(makeCluster(healthy(3)), 3))).not.toContain("FREQUENT_LEADER_CHANGES");
    expect(codes(health(makeCluster(healthy(3)), 4))).toContain("FREQUENT_LEADER_CHANGES");
  });

  it("notes version skew: patch differences as info, minor differences as a warning", () => {
    const patch = health(makeCluster([{}, {}, { status: { version: "3.4.22" } }]));
    expect(patch.warnings.find((w) => w.code === "VERSION_SKEW")?.severity).toBe("info");
    expect(patch.status).toBe("healthy");
    const minor = health(makeCluster([{}, {}, { status: { version: "3.5.9" } }]));
    expect(minor.warnings.find((w) => w.code === "VERSION_SKEW")?.severity).toBe("warning");
  });
});

describe("computeClusterHealth: invariants", () => {
  it("holds quorum arithmetic for any mix of up, down and learner members", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ down: fc.boolean(), learner: fc.boolean() }), {
          minLength: 1,
          maxLength: 7,
        }),
        (specs) => {
          const h = health(
            makeCluster(specs.map((s, i) => (i === 0 ? { learner: false, down: s.down } : s))),
          );
          const voters = specs.filter((s, i) => i === 0 || !s.learner).length;
          const up = specs.filter((s, i) => (i === 0 || !s.learner) && !s.down).length;
          expect(h.quorum.voters).toBe(voters);
          expect(h.quorum.size).toBe(Math.floor(voters / 2) + 1);
          expect(h.quorum.healthyVoters).toBe(up);
          expect(h.quorum.margin).toBe(up - h.quorum.size);
          expect(h.quorum.remaining).toBe(Math.max(0, h.quorum.margin));
          expect(h.writable).toBe(!specs[0]?.down && h.quorum.margin >= 0);
          if (!h.writable) expect(h.status).toBe("unavailable");
          else if (h.quorum.remaining === 0) expect(h.status).toBe("critical");
        },
      ),
    );
  });
});
