import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { type PrometheusServer, startPrometheus } from "../harness/prometheus-server";
import { type FleetResponse, fleetResponseSchema } from "../lib/fleet/fleet-cluster";

let cluster: EtcdCluster;
let prometheus: PrometheusServer;
/** Watches the cluster as "alpha" and shows the fleet. */
let eu: DashboardServer;
/** Watches the same members as "beta": Raftscope's own series, as a second site's would be. */
let us: DashboardServer;

async function startRaftscope(dir: string, id: string, env: Record<string, string> = {}) {
  const home = path.join(dir, id);
  mkdirSync(home, { recursive: true });
  const configPath = path.join(home, "raftscope.yaml");
  writeFileSync(
    configPath,
    stringify({
      clusters: [
        { id, name: `Cluster ${id}`, endpoints: [cluster.endpoints[0]], tls: cluster.tlsFiles },
      ],
    }),
  );
  return startDashboard({
    configPath,
    dataDir: path.join(home, "data"),
    logFile: path.join(home, "server.log"),
    env,
  });
}

async function fleet(): Promise<FleetResponse> {
  const res = await fetch(`${eu.url}/api/fleet`, { signal: AbortSignal.timeout(20_000) });
  expect(res.status).toBe(200);
  return fleetResponseSchema.parse(await res.json());
}

async function eventually(check: (f: FleetResponse) => boolean, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  let last: FleetResponse | undefined;
  while (Date.now() < until) {
    last = await fleet();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`fleet condition not met; last: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-fleet-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  // Prometheus first (the fleet view needs its address), the Raftscopes' targets once they listen.
  prometheus = await startPrometheus({ dir: path.join(dir, "prometheus"), scrapeConfigs: [] });
  eu = await startRaftscope(dir, "alpha", {
    RAFTSCOPE_FLEET_PROMETHEUS: prometheus.url,
    RAFTSCOPE_FLEET_SELECTOR: 'job="raftscope"',
  });
  us = await startRaftscope(dir, "beta");
  prometheus.setScrapeConfigs([
    {
      job_name: "raftscope",
      static_configs: [eu, us].map((s) => ({
        targets: [new URL(s.url).host],
        // Where each Raftscope is reached: the fleet view links each cluster there.
        labels: { url: s.url },
      })),
    },
  ]);
});

afterAll(async () => {
  await eu?.stop();
  await us?.stop();
  await prometheus?.stop();
  await cluster?.teardown({ removeData: true });
});

describe("fleet mode with a real Prometheus scraping two Raftscope servers", () => {
  it("lists each server's cluster with its verdict and a link to the Raftscope watching it", async () => {
    const f = await eventually(
      (x) => x.clusters.length === 2 && x.clusters.every((c) => c.status === "healthy"),
    );
    expect(f.source).toBe(`${prometheus.url}/`);
    const byId = new Map(f.clusters.map((c) => [c.id, c]));
    expect(byId.get("alpha")).toMatchObject({
      name: "Cluster alpha",
      instance: new URL(eu.url).host,
      href: `${eu.url}/clusters/alpha`,
      scraped: true,
      known: true,
      writable: true,
      remaining: 1,
      voters: 3,
      healthyVoters: 3,
    });
    expect(byId.get("beta")?.href).toBe(`${us.url}/clusters/beta`);
    // The fleet route answers only where RAFTSCOPE_FLEET_PROMETHEUS is set.
    const off = await fetch(`${us.url}/api/fleet`, { signal: AbortSignal.timeout(20_000) });
    expect(off.status).toBe(404);
    // The link opens the cluster page on the Raftscope that watches it.
    const page = await fetch(byId.get("beta")?.href ?? "", { signal: AbortSignal.timeout(20_000) });
    expect(page.status).toBe(200);
  });

  it("puts the clusters that need attention first when a member is lost, and marks a Raftscope that stops", async () => {
    const victim = cluster.members[2]?.name ?? "";
    await cluster.kill(victim);
    try {
      const f = await eventually((x) => x.clusters.every((c) => c.remaining === 0));
      expect(f.clusters.map((c) => c.status)).toEqual(["critical", "critical"]);
    } finally {
      await cluster.restart(victim);
    }
    await us.stop();
    // Once alpha is healthy again, beta's Raftscope is the one thing not known to be fine.
    const f = await eventually(
      (x) =>
        x.clusters.some((c) => !c.scraped) &&
        x.clusters.some((c) => c.id === "alpha" && c.status === "healthy"),
    );
    // A Raftscope Prometheus cannot scrape: its cluster is not known to be fine, so it comes
    // before the healthy ones (after any cluster known to be critical or degraded).
    expect(f.clusters.map((c) => [c.id, c.scraped])).toEqual([
      ["beta", false],
      ["alpha", true],
    ]);
  });
});
