import { describe, expect, it } from "vitest";
import { makeHealth } from "../test-factories/health-factory";
import { ids, type MemberSpec, makeCluster } from "../test-factories/member-snapshot-factory";
import { assessUpgrade, type UpgradeMetrics } from "./assess-upgrade";
import { parseEtcdVersion } from "./etcd-version";

function onVersions(versions: string[], clusterVersion: string): ReturnType<typeof assessUpgrade> {
  const specs: MemberSpec[] = versions.map((version) => ({ status: { version } }));
  const metrics: Record<string, UpgradeMetrics> = Object.fromEntries(
    versions.map((_, i) => [ids[i] ?? "", { clusterVersion }]),
  );
  return assessUpgrade(makeHealth(makeCluster(specs)), metrics);
}

describe("assessUpgrade", () => {
  it("a healthy 3.4 cluster may go to 3.5: that guide sets no patch floor", () => {
    const r = onVersions(["3.4.23", "3.4.23", "3.4.23"], "3.4");
    expect(r).toMatchObject({ ready: true, target: "3.5", skew: "none", clusterVersion: "3.4" });
    expect(r.headline).toBe("ready to upgrade to 3.5");
  });

  it("blocks 3.6 until every 3.5 member runs 3.5.32 or later, as etcd's guide says", () => {
    const r = onVersions(["3.5.30", "3.5.32", "3.5.30"], "3.5");
    expect(r.ready).toBe(false);
    expect(r.skew).toBe("patch");
    expect(r.blockers.map((b) => [b.code, b.memberId])).toEqual([
      ["BELOW_FLOOR", ids[0]],
      ["BELOW_FLOOR", ids[2]],
    ]);
    expect(r.headline).toBe(
      "not ready to upgrade to 3.6: m1 runs 3.5.30; etcd's guide asks for 3.5.32 or later before 3.6",
    );
    expect(r.guide?.quote).toContain("3.5.32 or later");
    expect(onVersions(["3.5.32", "3.5.33", "3.5.32"], "3.5").headline).toBe(
      "ready to upgrade to 3.6",
    );
  });

  it("says an upgrade is under way when members run two minor versions", () => {
    const r = onVersions(["3.4.23", "3.5.30", "3.5.30"], "3.4");
    expect(r.skew).toBe("minor");
    expect(r.target).toBe("3.5");
    expect(r.blockers[0]?.code).toBe("MIXED_MINOR");
    expect(r.serverVersions).toEqual(["3.4.23", "3.5.30"]);
  });

  it("waits for the cluster version to catch up after every member was upgraded", () => {
    const r = onVersions(["3.5.32", "3.5.32", "3.5.32"], "3.4");
    expect(r.blockers.map((b) => b.code)).toEqual(["CLUSTER_VERSION_BEHIND"]);
  });

  it("cannot vouch for a member that does not answer", () => {
    const health = makeHealth(makeCluster([{}, {}, { down: true }]));
    const r = assessUpgrade(health, {});
    expect(r.ready).toBe(false);
    expect(r.blockers.map((b) => b.code)).toEqual(["VERSION_UNKNOWN", "UNHEALTHY"]);
    expect(r.clusterVersion).toBeNull();
  });

  it("shows etcd 3.6's corruption-check feature gates when a member exposes them", () => {
    const health = makeHealth(makeCluster([{ status: { version: "3.6.4" } }]));
    const r = assessUpgrade(health, {
      [ids[0] ?? ""]: {
        clusterVersion: "3.6",
        featuresEnabled: { InitialCorruptCheck: true, StopGRPCServiceOnDefrag: false },
      },
    });
    expect(r.corruptionChecks).toEqual({ InitialCorruptCheck: true, CompactHashCheck: false });
    expect(r.blockers.map((b) => b.code)).toEqual(["BELOW_FLOOR"]);
  });
});

// No etcd 3.6 binary is on this machine: these members are shaped as a 3.6 member's Status
// decodes (lib/server/etcd/status-v36.ts), with the values etcd 3.6.4 reports.
describe("assessUpgrade: etcd 3.6's storage version and downgrade state", () => {
  const v36 = (over: MemberSpec = {}): MemberSpec => ({
    status: { version: "3.6.4" },
    statusV36: { storageVersion: "3.6.0", downgrade: { enabled: false, targetVersion: "" } },
    ...over,
  });

  it("shows them per member and for the cluster where reported", () => {
    const r = assessUpgrade(makeHealth(makeCluster([v36(), v36(), v36()])), {});
    expect(r.members.map((m) => [m.storageVersion, m.downgrade])).toEqual(
      Array(3).fill(["3.6.0", { enabled: false, targetVersion: "" }]),
    );
    expect(r.storageVersion).toBe("3.6.0");
    expect(r.downgrade).toEqual({ enabled: false, targetVersion: "" });
    expect(r.blockers.map((b) => b.code)).not.toContain("DOWNGRADE_ENABLED");
  });

  it("says not reported (null) for members before 3.6", () => {
    const r = onVersions(["3.5.32", "3.5.32", "3.5.32"], "3.5");
    expect(r.members.map((m) => [m.storageVersion, m.downgrade])).toEqual(
      Array(3).fill([null, null]),
    );
    expect(r).toMatchObject({ storageVersion: null, downgrade: null });
  });

  it("blocks an upgrade while a downgrade is enabled, even if one member still lags", () => {
    const enabled = { enabled: true, targetVersion: "3.5.0" };
    const r = assessUpgrade(
      makeHealth(
        makeCluster([
          v36({ statusV36: { storageVersion: "3.6.0", downgrade: enabled } }),
          v36(),
          v36({ statusV36: { storageVersion: "3.6.0", downgrade: enabled } }),
        ]),
      ),
      {},
    );
    expect(r.downgrade).toEqual(enabled);
    expect(r.ready).toBe(false);
    expect(r.blockers.find((b) => b.code === "DOWNGRADE_ENABLED")?.message).toBe(
      "a downgrade to 3.5.0 is enabled: finish it, or end it with etcdctl downgrade cancel, before an upgrade",
    );
  });

  it("names no cluster storage version while members report different ones", () => {
    const r = assessUpgrade(
      makeHealth(makeCluster([v36(), v36({ statusV36: { storageVersion: "3.5.0" } }), {}])),
      {},
    );
    expect(r.members.map((m) => m.storageVersion)).toEqual(["3.6.0", "3.5.0", null]);
    expect(r.storageVersion).toBeNull();
  });
});

describe("parseEtcdVersion", () => {
  it("reads server and cluster versions and refuses anything else", () => {
    expect(parseEtcdVersion("3.5.30")).toEqual({ major: 3, minor: 5, patch: 30 });
    expect(parseEtcdVersion("v3.4.23")).toEqual({ major: 3, minor: 4, patch: 23 });
    expect(parseEtcdVersion("3.5")).toEqual({ major: 3, minor: 5, patch: 0 });
    expect(parseEtcdVersion("not yet")).toBeNull();
    expect(parseEtcdVersion(null)).toBeNull();
  });
});
