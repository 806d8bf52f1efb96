// The key browser benchmark's measurements (entry point: bench/keys.ts). Imports server modules,
// so it needs Node's react-server condition.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Etcd3 } from "etcd3";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { textBytes } from "../lib/keys/key-bytes";
import { encodeKeyParam } from "../lib/keys/key-param";
import { keySuccessor } from "../lib/keys/key-range";
import { encodeCursor } from "../lib/keys/list-cursor";
import { KeyReader } from "../lib/server/keys/key-reader";
import { listKeys } from "../lib/server/keys/list-keys";
import { readValue } from "../lib/server/keys/read-value";
import { benchTempDir, trackCluster, trackServer } from "./cleanup";
import { DEPLOYMENT_KEY, FLAT_PREFIX, flatKeyAt, loadDataset } from "./keys-dataset";
import { fmtMs, loadEverything, median, mib, timed, wideClient } from "./range-timing";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

const WARM_RUNS = 15;
const settings = { showSecrets: false, redactPatterns: ["/registry/secrets/*"] };
/** Peak RSS and heap of this process while `fn` runs, sampled every 10 ms. */
async function withMemory<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; rss: number; heap: number }> {
  gc();
  let rss = process.memoryUsage.rss();
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    rss = Math.max(rss, process.memoryUsage.rss());
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }, 10);
  try {
    const result = await fn();
    return { result, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

interface Page {
  name: string;
  /** What load-everything reads for the same view. */
  wholePrefix: string;
  run: (reader: KeyReader) => Promise<unknown>;
}

function pages(total: number): Page[] {
  const list = (prefix: string, after?: string) => (reader: KeyReader) =>
    listKeys(reader, {
      prefix: textBytes(prefix),
      separator: textBytes("/"),
      limit: 100,
      ...(after ? { after: keySuccessor(textBytes(after)) } : {}),
    });
  return [
    { name: "first page of the root's children", wholePrefix: "", run: list("") },
    { name: "first page of /registry/", wholePrefix: "/registry/", run: list("/registry/") },
    {
      name: "first page of /registry/pods/ (400 namespaces)",
      wholePrefix: "/registry/pods/",
      run: list("/registry/pods/"),
    },
    {
      name: `a page 90% deep into the flat prefix (${(total / 10).toLocaleString("en")} keys)`,
      wholePrefix: FLAT_PREFIX,
      run: list(FLAT_PREFIX, flatKeyAt(total, 0.9)),
    },
    {
      name: "opening a value (a Deployment)",
      wholePrefix: "/registry/deployments/",
      run: (reader) => readValue(reader, { key: textBytes(DEPLOYMENT_KEY) }, settings),
    },
  ];
}

async function defaultLimitFails(client: Etcd3, prefix: string): Promise<string> {
  try {
    await loadEverything(client, prefix);
    return "works";
  } catch (err) {
    return /larger than max|RESOURCE_EXHAUSTED/i.test(String(err))
      ? "fails (gRPC 4 MiB limit)"
      : `fails (${String(err).slice(0, 60)})`;
  }
}

function vmHwm(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb * 1024;
}

async function httpRun(dashboard: DashboardServer, total: number, lines: string[]): Promise<void> {
  const api = `${dashboard.url}/api/clusters/demo/keys`;
  const get = async (url: string) => {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const urls: Array<[string, string]> = [
    ["root", `${api}?prefix=&limit=100`],
    ["/registry/", `${api}?prefix=/registry/&limit=100`],
    ["/registry/pods/", `${api}?prefix=/registry/pods/&limit=100`],
    [
      "flat, 90% deep",
      `${api}?prefix=${encodeKeyParam(textBytes(FLAT_PREFIX))}&limit=100&after=${encodeCursor(keySuccessor(textBytes(flatKeyAt(total, 0.9))))}`,
    ],
    ["value", `${api}/value?key=${encodeKeyParam(textBytes(DEPLOYMENT_KEY))}`],
  ];
  const pid = dashboard.process.pid ?? 0;
  for (const [name, url] of urls) {
    const cold = await timed(() => get(url));
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => get(url)));
    lines.push(
      `| ${total.toLocaleString("en")} | HTTP ${name} | ${fmtMs(cold)} | ${fmtMs(median(warm))} |`,
    );
  }
  lines.push(
    `| ${total.toLocaleString("en")} | server peak RSS (VmHWM) after all of it | ${mib(vmHwm(pid))} | |`,
  );
}

async function stage(
  cluster: EtcdCluster,
  admin: Etcd3,
  big: Etcd3,
  total: number,
  out: Record<string, string[]>,
) {
  const t0 = performance.now();
  await loadDataset(admin, total);
  const loadS = (performance.now() - t0) / 1000;
  const leader = await cluster.waitForLeader();
  const follower = cluster.members.find((m) => m.name !== leader);
  const endpoints = [
    follower?.clientUrl ?? "",
    ...cluster.endpoints.filter((e) => e !== follower?.clientUrl),
  ];
  const makeReader = () => {
    const reader = new KeyReader({
      cluster: { id: "bench", endpoints, tls: cluster.tlsFiles, deadlineMs: 5_000 },
    });
    const range = reader.range.bind(reader);
    reader.range = (q) => {
      reads++;
      return range(q);
    };
    return reader;
  };
  let reads = 0;
  const n = total.toLocaleString("en");
  out.load?.push(`| ${n} | ${loadS.toFixed(0)} s |`);
  const timings: Array<{
    page: Page;
    cold: number;
    coldReads: number;
    warm: number;
    warmReads: number;
  }> = [];
  // Only Raftscope's reads run while memory is sampled; the comparator runs afterwards.
  const memory = await withMemory(async () => {
    for (const page of pages(total)) {
      // Each page's first read on a fresh reader: no directory hints, as after a server start.
      const reader = makeReader();
      reads = 0;
      const cold = await timed(() => page.run(reader));
      const coldReads = reads;
      reads = 0;
      const warm: number[] = [];
      for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => page.run(reader)));
      timings.push({ page, cold, coldReads, warm: median(warm), warmReads: reads / WARM_RUNS });
      reader.close();
    }
  });
  for (const { page, cold, coldReads, warm, warmReads } of timings) {
    const whole = await loadEverything(big, page.wholePrefix);
    out.pages?.push(
      `| ${n} | ${page.name} | ${fmtMs(cold)} (${coldReads} reads) | ${fmtMs(warm)} (${warmReads} reads) | ${fmtMs(whole.ms)} for ${whole.keys.toLocaleString("en")} keys | ${(whole.ms / warm).toFixed(0)}× warm, ${(whole.ms / cold).toFixed(0)}× cold |`,
    );
  }
  out.memory?.push(`| ${n} | ${mib(memory.rss)} | ${mib(memory.heap)} |`);
  out.limits?.push(`| ${n} | ${await defaultLimitFails(admin, "/registry/")} |`);
}

/** Runs the key browser benchmark at each size in `totals` and returns its markdown lines. */
export async function runKeysBench(totals = [100_000, 1_000_000]): Promise<string[]> {
  const dir = benchTempDir("raftscope-bench-keys-");
  const cluster = await EtcdCluster.start({ size: 3, dir, quotaBackendBytes: 8 * 1024 ** 3 });
  const tearDown = trackCluster(cluster);
  const admin = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles, {
    callTimeoutMs: 60_000,
  });
  // The comparator needs what other UIs must configure: a receive limit as large as the prefix.
  const big = wideClient(cluster);
  const out: Record<string, string[]> = { load: [], pages: [], memory: [], limits: [], http: [] };
  try {
    for (const total of totals) {
      await stage(cluster, admin, big, total, out);
      if (existsSync(".next/BUILD_ID")) {
        const dashDir = path.join(dir, `dashboard-${total}`);
        mkdirSync(dashDir, { recursive: true });
        writeDashboardConfig(path.join(dashDir, "raftscope.yaml"), cluster);
        const dashboard = await startDashboard({
          configPath: path.join(dashDir, "raftscope.yaml"),
          dataDir: path.join(dashDir, "data"),
          logFile: path.join(dashDir, "server.log"),
        });
        const stopDashboard = trackServer(dashboard);
        try {
          await httpRun(dashboard, total, out.http ?? []);
        } finally {
          await stopDashboard();
        }
      }
    }
  } finally {
    big.close();
    admin.close();
    await tearDown();
  }
  const lines = [
    "| keys | load time (batched txns of 128, 16 in flight) |",
    "| --- | --- |",
    ...(out.load ?? []),
    "",
    "| keys | view | Raftscope, cold (fresh server) | Raftscope, warm (median) | load-everything (keys-only range, 1 GiB receive limit) | ratio |",
    "| --- | --- | --- | --- | --- | --- |",
    ...(out.pages ?? []),
    "",
    "| keys | peak RSS of the process during the browsing above | peak heap |",
    "| --- | --- | --- |",
    ...(out.memory ?? []),
    "",
    "| keys | load-everything over /registry/ at gRPC's default receive limit |",
    "| --- | --- |",
    ...(out.limits ?? []),
  ];
  if ((out.http ?? []).length > 0) {
    lines.push(
      "",
      "| keys | through the production server | first request | warm (median) |",
      "| --- | --- | --- | --- |",
      ...(out.http ?? []),
    );
  }
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/keys.md", `${lines.join("\n")}\n`);
  return lines;
}
