// Load benchmark (npm run bench): 500 viewers on the event stream and 50 key-browser requests
// a second for 2 minutes, with leader kills during the run. Shows that the dashboard's request
// rate to etcd does not depend on the number of viewers (etcd's own grpc_server_started_total),
// that no request fails, how fast events reach viewers, and that server memory stays bounded.

import { readFileSync } from "node:fs";
import { request } from "node:https";
import { type DashboardServer, startDashboardFor } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { seedDemoData, seededKeys } from "../harness/seed";
import { quantile, runWhenMain } from "./bench-support";
import { benchTempDir, trackCluster, trackServer } from "./cleanup";

const VIEWERS = 500;
const KEY_RPS = 50;
const RUN_MS = 120_000;
const PHASE_MS = 20_000;
const KILL_EVERY_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sum of grpc_server_started_total over every method of every running member. */
async function grpcStarted(cluster: EtcdCluster): Promise<number> {
  const tls = cluster.tlsFiles;
  const [ca, cert, key] = [tls.ca, tls.cert, tls.key].map((f) => readFileSync(f));
  const bodies = await Promise.all(
    cluster.members
      .filter((m) => m.state === "running")
      .map(
        (m) =>
          new Promise<string>((resolve, reject) => {
            const req = request(
              `${m.clientUrl}/metrics`,
              { ca, cert, key, timeout: 5_000 },
              (res) => {
                let body = "";
                res.on("data", (c: Buffer) => {
                  body += c.toString();
                });
                res.on("end", () => resolve(body));
              },
            );
            req.on("error", reject);
            req.end();
          }),
      ),
  );
  let sum = 0;
  for (const body of bodies) {
    for (const line of body.split("\n")) {
      if (line.startsWith("grpc_server_started_total{")) sum += Number(line.split(" ").at(-1));
    }
  }
  return sum;
}

interface Viewer {
  close(): void;
  errors: number;
}

/** One browser tab's worth of stream: counts frames and how late each event arrives. */
function openViewer(url: string, eventDelays: number[]): Viewer {
  const ctrl = new AbortController();
  const viewer = { close: () => ctrl.abort(), errors: 0 };
  void (async () => {
    try {
      const res = await fetch(`${url}/api/clusters/demo/stream`, { signal: ctrl.signal });
      if (!res.ok || !res.body) {
        viewer.errors++;
        return;
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        const frames = buf.split("\n\n");
        buf = frames.pop() ?? "";
        for (const frame of frames) {
          if (!frame.includes("event: event")) continue;
          const data = frame.split("\n").find((l) => l.startsWith("data: "));
          const event = JSON.parse(data?.slice(6) ?? "{}") as { at: string };
          eventDelays.push(Date.now() - Date.parse(event.at));
        }
      }
    } catch (err) {
      if (!ctrl.signal.aborted) viewer.errors++;
      void err;
    }
  })();
  return viewer;
}

async function etcdRate(cluster: EtcdCluster, ms: number): Promise<number> {
  const before = await grpcStarted(cluster);
  await sleep(ms);
  const after = await grpcStarted(cluster);
  return ((after - before) * 1000) / ms;
}

function rssMiB(server: DashboardServer): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Runs the load benchmark and returns its markdown rows. */
export async function benchLoad(): Promise<string[]> {
  const dir = benchTempDir("raftscope-load-");
  const cluster = await EtcdCluster.start({ size: 3, dir });
  const tearDown = trackCluster(cluster);
  await seedDemoData(cluster);
  const server = await startDashboardFor(cluster, dir);
  const stopServer = trackServer(server);
  const delays: number[] = [];
  const viewers: Viewer[] = [];
  const lines: string[] = [];
  try {
    await sleep(3_000);
    viewers.push(openViewer(server.url, delays));
    const rateOne = await etcdRate(cluster, PHASE_MS);
    while (viewers.length < VIEWERS) viewers.push(openViewer(server.url, delays));
    await sleep(2_000);
    const rateMany = await etcdRate(cluster, PHASE_MS);

    const rss: number[] = [rssMiB(server)];
    const keyLatencies: number[] = [];
    const keyFailures: string[] = [];
    const targets = [
      "/api/clusters/demo/keys?prefix=%2F&limit=100",
      "/api/clusters/demo/keys?prefix=%2Fregistry%2F&limit=100",
      "/api/clusters/demo/keys?prefix=%2Fregistry%2Fpods%2F&limit=50",
      `/api/clusters/demo/keys/value?key=${encodeURIComponent(seededKeys.deployment)}`,
      `/api/clusters/demo/keys/value?key=${encodeURIComponent(seededKeys.secret)}`,
    ];
    const started = Date.now();
    let sent = 0;
    const inflight = new Set<Promise<void>>();
    let kills = 0;
    let nextKill = started + KILL_EVERY_MS;
    let nextRss = started + 5_000;
    while (Date.now() - started < RUN_MS) {
      const due = Math.floor(((Date.now() - started) * KEY_RPS) / 1000);
      while (sent < due) {
        const target = targets[sent % targets.length] ?? "";
        sent++;
        const t0 = performance.now();
        const p = fetch(`${server.url}${target}`, { signal: AbortSignal.timeout(10_000) })
          .then(async (res) => {
            await res.arrayBuffer();
            if (!res.ok) keyFailures.push(`${res.status} ${target}`);
            keyLatencies.push(performance.now() - t0);
          })
          .catch((err: unknown) => {
            keyFailures.push(`${String(err)} ${target}`);
          })
          .finally(() => inflight.delete(p));
        inflight.add(p);
      }
      if (Date.now() >= nextKill) {
        nextKill += KILL_EVERY_MS;
        const leader = await cluster.leader();
        if (leader) {
          kills++;
          await cluster.kill(leader);
          setTimeout(() => void cluster.restart(leader).catch(() => undefined), 5_000);
        }
      }
      if (Date.now() >= nextRss) {
        nextRss += 5_000;
        rss.push(rssMiB(server));
      }
      await sleep(5);
    }
    await Promise.all(inflight);
    rss.push(rssMiB(server));
    const viewerErrors = viewers.reduce((n, v) => n + v.errors, 0);

    lines.push(
      "| measure | figure |",
      "| --- | --- |",
      `| etcd gRPC requests/s from the dashboard, 1 viewer | ${rateOne.toFixed(1)} |`,
      `| etcd gRPC requests/s from the dashboard, ${VIEWERS} viewers | ${rateMany.toFixed(1)} (${(rateMany / rateOne).toFixed(2)}×) |`,
      `| key-browser requests sent / failed | ${sent} / ${keyFailures.length} |`,
      `| key-browser latency p50 / p95 / p99 | ${quantile(keyLatencies, 0.5).toFixed(1)} / ${quantile(keyLatencies, 0.95).toFixed(1)} / ${quantile(keyLatencies, 0.99).toFixed(1)} ms |`,
      `| leader kills during the run | ${kills} |`,
      `| events delivered to viewers | ${delays.length} (${viewers.length} viewers, ${viewerErrors} stream errors) |`,
      `| event delivery delay p50 / p95 / max | ${quantile(delays, 0.5)} / ${quantile(delays, 0.95)} / ${Math.max(...delays)} ms |`,
      `| dashboard RSS start / max / end | ${rss[0]?.toFixed(0)} / ${Math.max(...rss).toFixed(0)} / ${rss.at(-1)?.toFixed(0)} MiB |`,
    );
    if (keyFailures.length > 0)
      lines.push("", `First failures: ${keyFailures.slice(0, 5).join("; ")}`);
  } finally {
    for (const v of viewers) v.close();
    await stopServer();
    await tearDown();
  }
  return lines;
}

runWhenMain(import.meta.url, benchLoad);
