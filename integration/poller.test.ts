import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { EventLog } from "../lib/server/event-log";
import { until } from "./poller-support";

function makePoller(cluster: EtcdCluster, endpoints = cluster.endpoints.slice(0, 1)) {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-poller-"));
  const config = clusterConfigSchema.parse({ id: "t", endpoints, tls: cluster.tlsFiles });
  return new ClusterPoller(config, new EventLog({ dir, clusterId: "t" }));
}

describe("a 5-member cluster", () => {
  let cluster: EtcdCluster;
  let poller: ClusterPoller;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 5,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-5-")),
    });
    poller = makePoller(cluster);
    poller.start();
  });
  afterAll(async () => {
    await poller?.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("has tolerance 2, found from one endpoint", async () => {
    const h = await until(poller, (x) => x.members.length === 5 && x.leader !== null);
    expect(h.quorum).toMatchObject({ voters: 5, size: 3, tolerance: 2, remaining: 2 });
    expect(h.status).toBe("healthy");
  });

  it("lets a frozen member cost at most one deadline per sweep", async () => {
    await until(poller, (x) => x.status === "healthy");
    const victim = cluster.members[4]?.name ?? "";
    cluster.freeze(victim);
    try {
      await until(poller, (x) => x.members.find((m) => m.name === victim)?.reachable === false);
      // Direct sweeps while it stays frozen: the others answer without waiting for it.
      const timings: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await poller.sweep();
        timings.push(performance.now() - t0);
      }
      expect(Math.max(...timings)).toBeLessThan(poller.config.deadlineMs);
      expect(poller.health?.quorum.healthyVoters).toBe(4);
    } finally {
      cluster.thaw(victim);
    }
    await until(poller, (x) => x.quorum.healthyVoters === 5);
  });
});

describe("reading /metrics", () => {
  let cluster: EtcdCluster;
  let poller: ClusterPoller;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 1,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-watch-")),
    });
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-poller-"));
    const config = clusterConfigSchema.parse({
      id: "w",
      endpoints: cluster.endpoints,
      tls: cluster.tlsFiles,
      scrapeIntervalMs: 1000,
      backgroundScrapeIntervalMs: 300_000,
    });
    poller = new ClusterPoller(config, new EventLog({ dir, clusterId: "w" }));
    poller.start();
  });
  afterAll(async () => {
    await poller?.stop();
    await cluster?.teardown({ removeData: true });
  });

  const scrapesWithin = (ms: number) =>
    new Promise<number>((resolve) => {
      let count = 0;
      const off = poller.onScrape(() => count++);
      setTimeout(() => {
        off();
        resolve(count);
      }, ms);
    });

  it("reads it at the background interval while no one watches, and fast while someone does", async () => {
    await until(poller, (h) => h.members[0]?.reachable === true);
    // The first scrape comes at start; the next background one is 5 minutes away.
    expect(await scrapesWithin(3_000)).toBe(0);
    const unwatch = poller.watch();
    try {
      expect(await scrapesWithin(6_000)).toBeGreaterThanOrEqual(2);
    } finally {
      unwatch();
    }
    unwatch(); // a second call changes nothing
    await new Promise((r) => setTimeout(r, 1_500)); // a scrape already under way may land
    expect(await scrapesWithin(3_000)).toBe(0);
  });
});

describe("membership changes", () => {
  let cluster: EtcdCluster;
  let poller: ClusterPoller;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-learner-")),
    });
    poller = makePoller(cluster);
    poller.start();
    await until(poller, (x) => x.status === "healthy");
  });
  afterAll(async () => {
    await poller?.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("counts a learner added with member add --learner as a learner, not a voter", async () => {
    await cluster.addLearner("m4");
    const h = await until(
      poller,
      (x) => x.members.length === 4 && x.members.every((m) => m.reachable),
    );
    expect(h.quorum.voters).toBe(3);
    expect(h.quorum.learners).toBe(1);
    expect(h.quorum.size).toBe(2);
    expect(h.members.find((m) => m.name === "m4")?.role).toBe("learner");
    expect(h.warnings.map((w) => w.code)).not.toContain("EVEN_VOTERS");
    const added = poller.events.recent(20).find((e) => e.type === "member_added");
    expect(added).toMatchObject({ isLearner: true });
  });

  it("counts it as a voter once promoted", async () => {
    await cluster.promote("m4");
    const h = await until(poller, (x) => x.quorum.voters === 4);
    expect(h.quorum.size).toBe(3);
    expect(h.warnings.map((w) => w.code)).toContain("EVEN_VOTERS");
  });

  it("reports a removed member", async () => {
    await cluster.removeMember("m4");
    await until(poller, (x) => x.members.length === 3);
    expect(poller.events.recent(20).map((e) => e.type)).toContain("member_removed");
  });
});
