// Per-process ceiling (npm run bench, or `tsx bench/scale.ts 1 10 50`): one Raftscope process
// watching N clusters at the default intervals, with each cluster's alert rules judged as the
// server judges them. Every config entry points at the same 3-member
// harness cluster under its own id, so what grows is Raftscope's own cost. Per size: CPU share
// of one core, RSS, event-loop lag p99, how late verdicts come against the poll interval, the
// oldest verdict seen, and etcd's request rate and CPU.
//
// Each cluster's chart history starts full (an hour of 3-member points), and is saved to disk
// once a minute as the server does, so the figures are those of a server up for an hour.
//
// One cluster's page is open (its /metrics at scrapeIntervalMs, the rest at
// backgroundScrapeIntervalMs), as when one operator watches one cluster; `--watch-all` opens
// every cluster's page.
//
// `--pin` (or RAFTSCOPE_BENCH_PIN=1) gives Raftscope exactly one core: this process is pinned to
// the second CPU and the three etcd members to the first, so "within one core" is literal and
// etcd's own work does not compete with the pollers (Linux only; needs util-linux's taskset).

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { syntheticHistory } from "../e2e/synthetic-cluster";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { ClusterAlerts } from "../lib/server/alerts/cluster-alerts";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { getFromMember } from "../lib/server/etcd/member-http";
import { EventLog } from "../lib/server/event-log";
import { HistoryStore, keepHistory } from "../lib/server/history-store";
import { startupSpreadMs } from "../lib/server/poller/startup-spread";
import { quantile, runWhenMain } from "./bench-support";

/** After the pollers' start-up spread (10 s at 200 clusters), this long again before measuring. */
const WARMUP_AFTER_SPREAD_MS = 20_000;
const MEASURE_MS = 30_000;
const DEFAULT_SIZES = [1, 10, 50, 100, 200];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** etcd's own count of gRPC calls started, summed over the members. */
async function grpcStarted(cluster: EtcdCluster): Promise<number> {
  const tls = cluster.tlsFiles;
  const [ca, cert, key] = [tls.ca, tls.cert, tls.key].map((f) => readFileSync(f));
  if (!ca || !cert || !key) throw new Error("no TLS files");
  const bodies = await Promise.all(
    cluster.members.map((m) => getFromMember(m.clientUrl, "/metrics", { ca, cert, key }, 10_000)),
  );
  let sum = 0;
  for (const body of bodies) {
    for (const line of body.split("\n")) {
      if (line.startsWith("grpc_server_started_total{")) sum += Number(line.split(" ").at(-1));
    }
  }
  return sum;
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat (Linux). */
function cpuSeconds(pid: number): number {
  // Fields after the command name's closing parenthesis: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const userHz = 100; // Linux's USER_HZ, which /proc reports clock ticks in
  return (Number(fields[11]) + Number(fields[12])) / userHz;
}

/** Pins `pid` and all its threads to the given CPU list, e.g. "0" (util-linux taskset). */
function pin(pid: number, cpus: string): void {
  execFileSync("taskset", ["-a", "-p", "-c", cpus, String(pid)], { stdio: "ignore" });
}

/**
 * With RAFTSCOPE_BENCH_CPU_PROFILE=dir, a V8 CPU profile of each measured window (warm-up and
 * start-up left out) is written there as scale-<clusters>.cpuprofile, for Chrome's DevTools.
 */
async function startProfile(): Promise<{ stop(count: number): Promise<void> } | undefined> {
  const dir = process.env.RAFTSCOPE_BENCH_CPU_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (err, result) => (err ? reject(err) : resolve(result))),
    );
  await post("Profiler.enable");
  await post("Profiler.start");
  return {
    async stop(count) {
      const { profile } = (await post("Profiler.stop")) as { profile: unknown };
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `scale-${count}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

export interface ScaleFigures {
  clusters: number;
  cpuPercent: number;
  rssMiB: number;
  loopLagP99Ms: number;
  latenessP99Ms: number;
  latenessMaxMs: number;
  oldestVerdictMs: number;
  /** Maintenance Status round trips as the pollers timed them: etcd's answer plus any wait here. */
  statusLatencyP99Ms: number;
  grpcPerSecond: number;
  scrapesPerSecond: number;
  /** CPU of all three etcd members together, % of one core. */
  etcdCpuPercent: number;
}

async function measure(
  cluster: EtcdCluster,
  count: number,
  scrapeIntervalMs: number | undefined,
  watchAll: boolean,
): Promise<ScaleFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `raftscope-scale-${count}-`));
  const pollers = Array.from({ length: count }, (_, i) => {
    const id = `c${i + 1}`;
    const config = clusterConfigSchema.parse({
      id,
      endpoints: cluster.endpoints.slice(0, 1),
      tls: cluster.tlsFiles,
      ...(scrapeIntervalMs ? { scrapeIntervalMs } : {}),
    });
    return new ClusterPoller(config, new EventLog({ dir: path.join(dir, id), clusterId: id }));
  });
  // An hour of history in each ring (three members, as the cluster has), saved as runtime.ts does.
  const hour = syntheticHistory(Date.now() - 60_000, 3600).map((p) => ({
    ...p,
    members: Object.fromEntries(Object.entries(p.members).slice(0, 3)),
  }));
  for (const p of pollers) for (const point of hour) p.history.push(point);
  const stopSaving = keepHistory(
    pollers.map((p) => ({
      store: new HistoryStore(path.join(dir, p.config.id), p.config.id),
      buffer: p.history,
    })),
  );
  // Each cluster's etcd mixin rules, judged on the server as lib/server/runtime.ts does.
  const rules = pollers.map((p) => new ClusterAlerts(p));
  const gaps: number[] = [];
  const statusLatencies: number[] = [];
  let measuring = false;
  const offs = pollers.map((p) => {
    let last: number | undefined;
    return p.subscribe((msg) => {
      if (msg.kind !== "health") return;
      const at = Date.parse(msg.health.observedAt);
      // Out-of-band publishes (a background probe answering) come between sweeps; the
      // lateness of interest is the gap between a cluster's verdicts.
      if (measuring && last !== undefined) gaps.push(at - last - p.config.pollIntervalMs);
      if (measuring) {
        for (const m of msg.health.members) {
          if (m.latencyMs !== null) statusLatencies.push(m.latencyMs);
        }
      }
      last = at;
    });
  });
  let scrapes = 0;
  for (const p of pollers) {
    offs.push(
      p.onScrape(() => {
        if (measuring) scrapes++;
      }),
    );
  }
  // One operator with one cluster's page open (its charts at full resolution), or everyone.
  const unwatch = (watchAll ? pollers : pollers.slice(0, 1)).map((p) => p.watch());
  offs.push(...unwatch);
  for (const r of rules) r.start();
  for (const p of pollers) p.start({ spreadMs: startupSpreadMs(count) });
  try {
    // Start-up (every client dialing and handshaking once) is not the steady state measured.
    await sleep(startupSpreadMs(count) + WARMUP_AFTER_SPREAD_MS);
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    measuring = true;
    const profile = await startProfile();
    const before = await grpcStarted(cluster);
    const etcdPids = cluster.members.flatMap((m) => (m.pid === undefined ? [] : [m.pid]));
    const etcdCpu0 = etcdPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const rss: number[] = [];
    let oldest = 0;
    while (performance.now() - t0 < MEASURE_MS) {
      await sleep(250);
      const now = Date.now();
      for (const p of pollers) {
        const h = p.health;
        if (h) oldest = Math.max(oldest, now - Date.parse(h.observedAt));
      }
      rss.push(process.memoryUsage.rss() / 1024 / 1024);
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const etcdCpu = etcdPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - etcdCpu0;
    await profile?.stop(count);
    const after = await grpcStarted(cluster);
    measuring = false;
    lag.disable();
    return {
      clusters: count,
      cpuPercent: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
      rssMiB: Math.max(...rss),
      loopLagP99Ms: lag.percentile(99) / 1e6,
      latenessP99Ms: Math.max(0, quantile(gaps, 0.99)),
      latenessMaxMs: Math.max(0, ...gaps),
      oldestVerdictMs: oldest,
      statusLatencyP99Ms: quantile(statusLatencies, 0.99),
      grpcPerSecond: (after - before) / seconds,
      // /metrics is HTTP, not gRPC: etcd 3.4 does not count it. Counted as the pollers read them.
      scrapesPerSecond: scrapes / seconds,
      etcdCpuPercent: (etcdCpu / seconds) * 100,
    };
  } finally {
    for (const off of offs) off();
    for (const r of rules) r.stop();
    await Promise.all(pollers.map((p) => p.stop()));
    await stopSaving();
  }
}

/** Runs the scale benchmark over `sizes` and returns its markdown rows. */
export async function benchScale(
  sizes: number[] = DEFAULT_SIZES,
  opts: { pinned?: boolean; scrapeIntervalMs?: number; watchAll?: boolean } = {},
): Promise<string[]> {
  const cluster = await EtcdCluster.start({
    size: 3,
    dir: mkdtempSync(path.join(os.tmpdir(), "raftscope-scale-etcd-")),
  });
  if (opts.pinned) {
    for (const m of cluster.members) if (m.pid !== undefined) pin(m.pid, "0");
    pin(process.pid, "1");
  }
  // The pollers' timers and the deadlines of etcd calls are unref'd: keep the process up.
  const alive = setInterval(() => undefined, 1000);
  const lines = [
    `| clusters (3 members each)${opts.pinned ? ", Raftscope pinned to one CPU, etcd to the other" : ""}${opts.watchAll ? ", every cluster's page open" : ", one cluster's page open"}${opts.scrapeIntervalMs ? `, /metrics every ${opts.scrapeIntervalMs / 1000} s` : ""} | CPU, % of one core | RSS max | event-loop lag p99 | verdict lateness p99 / max | oldest verdict seen | Status round trip p99 | etcd gRPC req/s | /metrics scrapes/s | etcd CPU, % of one core |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  try {
    for (const n of sizes) {
      const f = await measure(cluster, n, opts.scrapeIntervalMs, opts.watchAll === true);
      lines.push(
        `| ${f.clusters} | ${f.cpuPercent.toFixed(0)} % | ${f.rssMiB.toFixed(0)} MiB | ${f.loopLagP99Ms.toFixed(0)} ms | ${f.latenessP99Ms.toFixed(0)} / ${f.latenessMaxMs.toFixed(0)} ms | ${f.oldestVerdictMs.toFixed(0)} ms | ${f.statusLatencyP99Ms.toFixed(0)} ms | ${f.grpcPerSecond.toFixed(0)} | ${f.scrapesPerSecond.toFixed(0)} | ${f.etcdCpuPercent.toFixed(0)} % |`,
      );
      console.error(lines.at(-1));
      await sleep(2_000);
    }
  } finally {
    clearInterval(alive);
    await cluster.teardown({ removeData: true });
  }
  return lines;
}

runWhenMain(import.meta.url, () => {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const pinned = process.argv.includes("--pin") || process.env.RAFTSCOPE_BENCH_PIN === "1";
  // --scrape-ms=N: every cluster's scrapeIntervalMs (default 2000), to see what it buys.
  const scrape = process.argv.find((a) => a.startsWith("--scrape-ms="))?.split("=")[1];
  // --watch-all: every cluster's page open, so every cluster's /metrics at scrapeIntervalMs.
  return benchScale(sizes.length > 0 ? sizes : DEFAULT_SIZES, {
    pinned,
    watchAll: process.argv.includes("--watch-all"),
    ...(scrape ? { scrapeIntervalMs: Number(scrape) } : {}),
  });
});
