import { describe, expect, it } from "vitest";
import { makeHealth } from "../test-factories/health-factory";
import { makeCluster } from "../test-factories/member-snapshot-factory";
import { type VerdictSample, verdictSamples } from "./verdict-samples";

const cluster = { id: "prod-eu", name: "Production EU" };
const now = 1_700_000_005_000;

function value(samples: VerdictSample[], metric: VerdictSample["metric"], labels = {}) {
  const hits = samples.filter(
    (s) => s.metric === metric && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  return hits.length === 1 ? hits[0]?.value : hits.map((h) => h.value);
}

describe("verdictSamples", () => {
  it("exports a healthy 3-member cluster's quorum, state and members", () => {
    const s = verdictSamples(cluster, makeHealth(makeCluster([{}, {}, {}])), now);
    expect(value(s, "clusterKnown")).toBe(1);
    expect(value(s, "clusterStatus", { state: "healthy" })).toBe(1);
    expect(value(s, "clusterStatus", { state: "critical" })).toBe(0);
    expect(s.filter((x) => x.metric === "clusterStatus")).toHaveLength(4);
    expect(value(s, "clusterWritable")).toBe(1);
    expect(value(s, "clusterVoters")).toBe(3);
    expect(value(s, "clusterLearners")).toBe(0);
    expect(value(s, "clusterQuorumSize")).toBe(2);
    expect(value(s, "clusterHealthyVoters")).toBe(3);
    expect(value(s, "clusterRemainingFailures")).toBe(1);
    expect(value(s, "clusterLastGoodSweepAge")).toBe(5);
    expect(value(s, "clusterInfo")).toBe(1);
    expect(s.find((x) => x.metric === "clusterInfo")?.labels).toEqual({
      cluster: "prod-eu",
      name: "Production EU",
      etcd_cluster_id: "cdf818194e3a8c32",
    });
    expect(value(s, "memberUp", { member: "m1" })).toBe(1);
    expect(value(s, "memberRole", { member: "m1", role: "leader" })).toBe(1);
    expect(value(s, "memberRole", { member: "m2", role: "leader" })).toBe(0);
    expect(value(s, "memberRole", { member: "m2", role: "follower" })).toBe(1);
    expect(value(s, "memberLatency", { member: "m1" })).toBeCloseTo(0.0021);
    expect(value(s, "memberApplyLag", { member: "m2" })).toBe(0);
    expect(s.find((x) => x.metric === "memberUp")?.labels).toEqual({
      cluster: "prod-eu",
      member: "m1",
      member_id: "8e9e05c52164694d",
    });
  });

  it("drops remaining failures to 0 and leaves a down member's latency out", () => {
    const s = verdictSamples(cluster, makeHealth(makeCluster([{}, {}, { down: true }])), now);
    expect(value(s, "clusterRemainingFailures")).toBe(0);
    expect(value(s, "clusterStatus", { state: "critical" })).toBe(1);
    expect(value(s, "memberUp", { member: "m3" })).toBe(0);
    expect(value(s, "memberLatency", { member: "m3" })).toEqual([]);
    expect(value(s, "memberApplyLag", { member: "m3" })).toEqual([]);
  });

  it("exports only raftscope_cluster_known 0 before the first verdict", () => {
    const s = verdictSamples(cluster, undefined, now);
    expect(s.map((x) => x.metric).sort()).toEqual(["clusterInfo", "clusterKnown"]);
    expect(value(s, "clusterKnown")).toBe(0);
  });

  it("leaves out what Raftscope does not know instead of exporting 0", () => {
    const health = makeHealth(makeCluster([{}, {}, {}]));
    const unknown = {
      ...health,
      status: "unknown",
      writable: null,
      quorum: { ...health.quorum, remaining: null, healthyVoters: null },
    };
    const s = verdictSamples(cluster, unknown, now);
    expect(value(s, "clusterKnown")).toBe(0);
    for (const metric of [
      "clusterStatus",
      "clusterWritable",
      "clusterRemainingFailures",
      "clusterHealthyVoters",
    ] as const) {
      expect(value(s, metric)).toEqual([]);
    }
    // What each member answered is still a fact.
    expect(value(s, "memberUp", { member: "m1" })).toBe(1);
  });

  it("leaves the sweep age out until a member has ever answered", () => {
    const health = makeHealth(makeCluster([{ down: true }]), { lastGoodSweepAt: undefined });
    expect(value(verdictSamples(cluster, health, now), "clusterLastGoodSweepAge")).toEqual([]);
  });
});
