// Health-engine benchmark (npm run bench): sweep cost against etcdctl, the price of a frozen
// member, and how soon the API reports a newly elected leader. Figures go to docs/benchmarks.md.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startDashboardFor } from "../harness/dashboard-server";
import { type EtcdVersion, etcdVersions } from "../harness/etcd-binaries";
import { EtcdCluster } from "../harness/etcd-cluster";
import { scrubbedEnv } from "../harness/scrubbed-env";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { EventLog } from "../lib/server/event-log";
import { quantile, runWhenMain } from "./bench-support";
import { benchTempDir, trackCluster, trackServer } from "./cleanup";

const run = promisify(execFile);

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function timeEtcdctl(cluster: EtcdCluster): Promise<number> {
  const tls = cluster.tlsFiles;
  const t0 = performance.now();
  await run(
    cluster.binaries.etcdctl,
    [
      `--endpoints=${cluster.endpoints[0]}`,
      `--cacert=${tls.ca}`,
      `--cert=${tls.cert}`,
      `--key=${tls.key}`,
      "endpoint",
      "status",
      "--cluster",
    ],
    { env: scrubbedEnv(), timeout: 60_000 },
  ).catch(() => undefined);
  return performance.now() - t0;
}

function makePoller(cluster: EtcdCluster): ClusterPoller {
  const dir = benchTempDir("raftscope-bench-");
  const config = clusterConfigSchema.parse({
    id: "bench",
    endpoints: cluster.endpoints.slice(0, 1),
    tls: cluster.tlsFiles,
  });
  return new ClusterPoller(config, new EventLog({ dir, clusterId: "bench" }));
}

async function sweepBench(size: number, lines: string[], etcdVersion: EtcdVersion) {
  const cluster = await EtcdCluster.start({
    size,
    dir: benchTempDir(`raftscope-bench-${size}-`),
    etcdVersion,
  });
  const tearDown = trackCluster(cluster);
  try {
    const poller = makePoller(cluster);
    await poller.sweep();
    const sweeps: number[] = [];
    const ctl: number[] = [];
    for (let i = 0; i < 20; i++) {
      let t0 = performance.now();
      await poller.sweep();
      sweeps.push(performance.now() - t0);
      ctl.push(await timeEtcdctl(cluster));
      t0 = performance.now();
    }
    lines.push(
      `| ${etcdVersion} | ${size} members, healthy | ${fmt(quantile(sweeps, 0.5))} | ${fmt(quantile(ctl, 0.5))} | ${(quantile(ctl, 0.5) / quantile(sweeps, 0.5)).toFixed(0)}× |`,
    );

    const frozen = cluster.members[size - 1]?.name ?? "";
    cluster.freeze(frozen);
    const frozenSweeps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await poller.sweep();
      frozenSweeps.push(performance.now() - t0);
    }
    const ctlFrozen = await timeEtcdctl(cluster);
    cluster.thaw(frozen);
    lines.push(
      `| ${etcdVersion} | ${size} members, one frozen | first sweep ${fmt(frozenSweeps[0] ?? 0)}, then max ${fmt(Math.max(...frozenSweeps.slice(1)))} | ${fmt(ctlFrozen)} | ${(ctlFrozen / (frozenSweeps[0] ?? 1)).toFixed(1)}× |`,
    );
    await poller.stop();
  } finally {
    await tearDown();
  }
}

async function leaderBench(
  kills: number,
  lines: string[],
  apiLines: string[],
  etcdVersion: EtcdVersion,
) {
  const dir = benchTempDir("raftscope-bench-leader-");
  const cluster = await EtcdCluster.start({ size: 3, dir, etcdVersion });
  const tearDown = trackCluster(cluster);
  const dashboard = await startDashboardFor(cluster, dir);
  const stopDashboard = trackServer(dashboard);
  // Every health frame the API pushes, with the time it arrived.
  const seen: Array<{ at: number; leader: string | null }> = [];
  const ctrl = new AbortController();
  const res = await fetch(`${dashboard.url}/api/clusters/demo/stream`, { signal: ctrl.signal });
  const reader = res.body?.getReader();
  void (async () => {
    let buf = "";
    while (reader) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buf += new TextDecoder().decode(value);
      const frames = buf.split("\n\n");
      buf = frames.pop() ?? "";
      for (const f of frames) {
        if (!f.includes("event: health")) continue;
        const data = f.split("\n").find((l) => l.startsWith("data: "));
        const h = JSON.parse(data?.slice(6) ?? "{}") as { leader: { name: string } | null };
        seen.push({ at: Date.now(), leader: h.leader?.name ?? null });
      }
    }
  })();

  // The health API is asked every 50 ms throughout: first 5 s of a quiet cluster, then through
  // the kills. It serves the last verdict from memory, so a fault should not slow it down.
  const latency = { quiet: [] as number[], faults: [] as number[] };
  let phase: keyof typeof latency = "quiet";
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const t0 = performance.now();
      const r = await fetch(`${dashboard.url}/api/clusters/demo/health`, {
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      await r?.arrayBuffer();
      latency[phase].push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await new Promise((r) => setTimeout(r, 5_000));
  phase = "faults";

  const delays: number[] = [];
  try {
    for (let i = 0; i < kills; i++) {
      const old = await cluster.waitForLeader({ timeoutMs: 20_000 });
      const killedAt = Date.now();
      await cluster.kill(old);
      const next = await cluster.waitForLeader({ exclude: old, timeoutMs: 20_000 });
      const election = cluster.electionsSince(killedAt).find((e) => e.member === next);
      const deadline = Date.now() + 10_000;
      let reported: number | undefined;
      while (Date.now() < deadline && reported === undefined) {
        reported = seen.find((s) => s.at >= killedAt && s.leader === next)?.at;
        if (reported === undefined) await new Promise((r) => setTimeout(r, 20));
      }
      if (election && reported !== undefined) delays.push(Math.max(0, reported - election.at));
      await cluster.restart(old);
      await new Promise((r) => setTimeout(r, 1500));
    }
  } finally {
    sampling = false;
    await sampler;
    ctrl.abort();
    await stopDashboard();
    await tearDown();
  }
  lines.push(
    `| ${etcdVersion} | new leader reported after its "became leader" log line, ${delays.length} kills | median ${fmt(quantile(delays, 0.5))} | p95 ${fmt(quantile(delays, 0.95))} | max ${fmt(Math.max(...delays))} |`,
  );
  apiLines.push(
    `| ${etcdVersion} | quiet, ${latency.quiet.length} requests | ${fmt(quantile(latency.quiet, 0.5))} | ${fmt(quantile(latency.quiet, 0.99))} | ${fmt(Math.max(...latency.quiet))} |`,
    `| ${etcdVersion} | through ${kills} leader kills, ${latency.faults.length} requests | ${fmt(quantile(latency.faults, 0.5))} | ${fmt(quantile(latency.faults, 0.99))} | ${fmt(Math.max(...latency.faults))} |`,
  );
}

/** Runs the health-engine benchmark and returns its markdown rows. */
export async function benchHealth(): Promise<string[]> {
  const lines = [
    "| etcd | case | Raftscope sweep | `etcdctl endpoint status --cluster` | ratio |",
    "| --- | --- | --- | --- | --- |",
  ];
  // 3.4 and 3.5 side by side, in one run, so the ratios compare like with like.
  for (const version of etcdVersions) {
    await sweepBench(3, lines, version);
    await sweepBench(5, lines, version);
  }
  lines.push("", "| etcd | leader kill | median | p95 | max |", "| --- | --- | --- | --- | --- |");
  const apiLines = [
    "| etcd | health API (`GET /api/clusters/demo/health`) | median | p99 | max |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const version of etcdVersions) await leaderBench(10, lines, apiLines, version);
  return [...lines, "", ...apiLines];
}

runWhenMain(import.meta.url, benchHealth);
