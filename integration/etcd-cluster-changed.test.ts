import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type DashboardServer, startDashboardFor } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import type { ClusterEvent } from "../lib/events/cluster-event";
import { clusterHealthSchema } from "../lib/health/cluster-health";

// An entry whose etcd is built anew (or restored from a snapshot, which makes a new cluster
// ID) while Raftscope keeps its data: the members come back under their old names with new IDs.
// What belonged to the old cluster must not turn into member or leader events.

const dir = mkdtempSync(path.join(tmpdir(), "raftscope-rebuilt-"));
let cluster: EtcdCluster | undefined;
let dashboard: DashboardServer | undefined;

afterAll(async () => {
  await dashboard?.stop();
  await cluster?.teardown({ removeData: true });
});

async function healthy(d: DashboardServer) {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const res = await fetch(`${d.url}/api/clusters/demo/health`);
    const h = clusterHealthSchema.parse(await res.json());
    if (h.status === "healthy" && h.etcdClusterId && h.leader) return h;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the cluster did not turn healthy within 20 s");
}

async function events(d: DashboardServer): Promise<ClusterEvent[]> {
  const res = await fetch(`${d.url}/api/clusters/demo/events?limit=100`);
  return (await res.json()) as ClusterEvent[];
}

describe("an etcd cluster rebuilt behind the same config entry", () => {
  it("records one etcd_cluster_changed, and nothing of the old cluster", async () => {
    cluster = await EtcdCluster.start({ size: 3, dir: path.join(dir, "a") });
    dashboard = await startDashboardFor(cluster, dir);
    const first = await healthy(dashboard);
    // An election, so the detector has state to keep across the restart.
    await cluster.kill(first.leader?.name ?? "");
    const until = Date.now() + 15_000;
    while (!(await events(dashboard)).some((e) => e.type === "leader_changed")) {
      if (Date.now() > until) throw new Error("no leader_changed after the leader was killed");
      await new Promise((r) => setTimeout(r, 250));
    }
    await dashboard.stop("SIGTERM");
    await cluster.teardown({ removeData: true });

    cluster = await EtcdCluster.start({ size: 3, dir: path.join(dir, "b") });
    dashboard = await startDashboardFor(cluster, dir);
    const second = await healthy(dashboard);
    expect(second.etcdClusterId).not.toBe(first.etcdClusterId);
    expect(second.members.map((m) => m.name).sort()).toEqual(["m1", "m2", "m3"]);
    // A few more verdicts, for anything late.
    await new Promise((r) => setTimeout(r, 3_000));
    const all = (await events(dashboard)).sort((a, b) => a.seq - b.seq);
    const from = all.findIndex((e) => e.type === "etcd_cluster_changed");
    expect(from, JSON.stringify(all.map((e) => e.type))).toBeGreaterThanOrEqual(0);
    expect(all[from]).toMatchObject({
      fromEtcdClusterId: first.etcdClusterId,
      toEtcdClusterId: second.etcdClusterId,
    });
    expect(all.slice(from).map((e) => e.type)).toEqual(["etcd_cluster_changed"]);
  });
});
