import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Etcd3 } from "etcd3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { runEtcdctl } from "../harness/etcdctl";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { planDefrag } from "../lib/defrag/plan-defrag";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { latestMemberMetrics } from "../lib/server/diagnosis/member-metrics";
import { EventLog } from "../lib/server/event-log";
import { assessUpgrade } from "../lib/upgrade/assess-upgrade";
import { until } from "./poller-support";

let cluster: EtcdCluster;
let poller: ClusterPoller;
let client: Etcd3;

async function eventually<T>(read: () => T, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function advice() {
  const h = poller.health;
  if (!h) throw new Error("no verdict yet");
  return planDefrag(h, latestMemberMetrics(poller));
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-advice-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  const config = clusterConfigSchema.parse({
    id: "t",
    endpoints: cluster.endpoints.slice(0, 1),
    tls: cluster.tlsFiles,
    scrapeIntervalMs: 500,
    backgroundScrapeIntervalMs: 500,
  });
  poller = new ClusterPoller(
    config,
    new EventLog({ dir: path.join(dir, "events"), clusterId: "t" }),
  );
  poller.start();
  client = createEtcdClient(cluster.endpoints, cluster.tlsFiles, { callTimeoutMs: 10_000 });
});

afterAll(async () => {
  client?.close();
  await poller?.stop();
  await cluster?.teardown({ removeData: true });
});

describe("defragmentation advice and upgrade readiness on real etcd 3.4", () => {
  it("finds reclaimable space after deletes and a compaction, and sees a defragmentation finish", async () => {
    const value = "x".repeat(4096);
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) => client.put(`/frag/${batch}/${i}`).value(value)),
      );
    }
    await client.delete().prefix("/frag/");
    const rev = (await client.get("/frag/").exec()).header.revision;
    await runEtcdctl(["compaction", "--physical", rev], {
      endpoints: cluster.endpoints,
      tls: cluster.tlsFiles,
    });
    const fragmented = await eventually(advice, (a) =>
      a.members.every((m) => (m.reclaimableBytes ?? 0) > 4 * 1024 * 1024),
    );
    expect(fragmented.members.every((m) => m.state === "up")).toBe(true);
    expect(fragmented.members.every((m) => m.lastDefrag.kind === "none")).toBe(true);

    const leader = await cluster.leader();
    expect(fragmented.plan.at(-1)?.name).toBe(leader);
    const first = fragmented.plan[0];
    expect(first?.role).toBe("follower");
    expect(first?.summary).toBe(
      `defragmenting ${first?.name} leaves 2 of 3 voters; can lose 0 more meanwhile`,
    );

    // What an operator would run: the advised command with the real certificate paths.
    const follower = cluster.member(first?.name ?? "");
    await runEtcdctl(["defrag"], {
      endpoints: [follower.clientUrl],
      tls: cluster.tlsFiles,
      commandTimeoutMs: 30_000,
    });
    const after = await eventually(advice, (a) =>
      a.members.some((m) => m.name === first?.name && m.lastDefrag.kind === "exact"),
    );
    const done = after.members.find((m) => m.name === first?.name);
    expect(done?.lastDefrag.kind).toBe("exact");
    expect(done?.reclaimableBytes ?? Infinity).toBeLessThan(
      fragmented.members.find((m) => m.name === first?.name)?.reclaimableBytes ?? 0,
    );
  });

  it("reads the cluster version and calls a healthy 3.4 cluster ready for 3.5", async () => {
    const h = await until(poller, (x) => x.status === "healthy");
    const r = await eventually(
      () => assessUpgrade(h, latestMemberMetrics(poller)),
      (x) => x.clusterVersion !== null,
    );
    expect(r.clusterVersion).toBe("3.4");
    expect(r.serverVersions).toEqual(["3.4.23"]);
    expect(r.headline).toBe("ready to upgrade to 3.5");
    // 3.4 has no storageVersion or downgradeInfo in Status: not reported, never a guess.
    expect(r.members.map((m) => [m.storageVersion, m.downgrade])).toEqual(
      r.members.map(() => [null, null]),
    );
    expect(r).toMatchObject({ storageVersion: null, downgrade: null, corruptionChecks: null });
  });
});
