import { describe, expect, it } from "vitest";
import type { ClusterSummary } from "@/lib/api/cluster-summary";
import type { ClusterStatus } from "@/lib/health/cluster-health";
import {
  countByStatus,
  parseOverviewView,
  sameEtcdClusterNames,
  viewClusters,
} from "./overview-view";

function cluster(id: string, status: ClusterStatus, remaining = 1): ClusterSummary {
  return {
    id,
    name: id.toUpperCase(),
    status,
    leader: null,
    raftTerm: 2,
    quorum: {
      voters: 3,
      learners: 0,
      size: 2,
      healthyVoters: 2 + remaining,
      margin: remaining,
      tolerance: 1,
      remaining,
    },
    writable: status !== "unavailable",
    observedAt: "2026-11-29T12:00:00.000Z",
  };
}

const fleet = [
  cluster("b-ok", "healthy"),
  cluster("a-ok", "healthy"),
  cluster("slow", "degraded", 1),
  cluster("edge", "critical", 0),
  cluster("down", "unavailable", 0),
  cluster("tired", "degraded", 0),
];

describe("the overview's view of many clusters", () => {
  it("puts the clusters that need attention first", () => {
    const view = parseOverviewView(new URLSearchParams());
    expect(viewClusters(fleet, view).map((c) => c.id)).toEqual([
      "down",
      "edge",
      "tired",
      "slow",
      "a-ok",
      "b-ok",
    ]);
  });

  it("sorts by name, filters by status and by text in name or id", () => {
    const byName = parseOverviewView(new URLSearchParams("sort=name"));
    expect(viewClusters(fleet, byName).map((c) => c.id)).toEqual([
      "a-ok",
      "b-ok",
      "down",
      "edge",
      "slow",
      "tired",
    ]);
    const degraded = parseOverviewView(new URLSearchParams("status=degraded"));
    expect(viewClusters(fleet, degraded).map((c) => c.id)).toEqual(["tired", "slow"]);
    const text = parseOverviewView(new URLSearchParams("q=-OK"));
    expect(viewClusters(fleet, text).map((c) => c.id)).toEqual(["a-ok", "b-ok"]);
  });

  it("ignores a status that is not one, and counts every status", () => {
    expect(parseOverviewView(new URLSearchParams("status=bogus")).status).toBeNull();
    expect(countByStatus(fleet)).toEqual({
      unavailable: 1,
      critical: 1,
      unknown: 0,
      degraded: 2,
      healthy: 2,
    });
    expect(Object.values(countByStatus([]))).toEqual([0, 0, 0, 0, 0]);
  });

  it("names the other entries that watch the same etcd cluster, and never matches an unknown ID", () => {
    const withId = (id: string, etcdClusterId?: string) => ({
      ...cluster(id, "critical"),
      ...(etcdClusterId ? { etcdClusterId } : {}),
    });
    const same = sameEtcdClusterNames([
      withId("prod", "cdf818194e3a8c32"),
      withId("prod-vip", "cdf818194e3a8c32"),
      withId("prod-dns", "cdf818194e3a8c32"),
      withId("staging", "5ad1e1ae0a1b2c3d"),
      withId("new-a"),
      withId("new-b"),
    ]);
    expect(same.get("prod")).toEqual(["PROD-VIP", "PROD-DNS"]);
    expect(same.get("prod-dns")).toEqual(["PROD", "PROD-VIP"]);
    expect([...same.keys()].sort()).toEqual(["prod", "prod-dns", "prod-vip"]);
  });
});
