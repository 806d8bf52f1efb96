// The keyspace index benchmark's measurements (entry point: bench/keyspace.ts). Imports server
// modules, so it needs Node's react-server condition.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Etcd3 } from "etcd3";
import type { EtcdVersion } from "../harness/etcd-binaries";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { keyspaceConfigSchema } from "../lib/config/config-schema";
import { textBytes } from "../lib/keys/key-bytes";
import { getFromMember } from "../lib/server/etcd/member-http";
import { KeyReader } from "../lib/server/keys/key-reader";
import { listKeys } from "../lib/server/keys/list-keys";
import { KeyspaceIndex } from "../lib/server/keyspace/keyspace-index";
import { valueRedaction } from "../lib/server/keyspace/value-redaction";
import { TlsMaterialSource } from "../lib/server/tls/tls-material-source";
import { benchTempDir, onCleanup, trackCluster } from "./cleanup";
import { FLAT_PREFIX, loadDataset } from "./keys-dataset";
import { fmtMs, loadEverything, median, mib, timed, wideClient } from "./range-timing";

setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

const WARM_RUNS = 15;
/** The first page of any directory, once the index is ready (issue 10's target). */
const TARGET_MS = 100;
const BUDGET_BYTES_PER_SECOND = keyspaceConfigSchema.parse({}).scanMegabytesPerSecond * 1e6;

/** The directories whose first page is timed: wide, deep, a directory of keys, and a flat one. */
const DIRECTORIES = ["", "/registry/", "/registry/pods/", "/registry/pods/ns-0000/", FLAT_PREFIX];

/** etcd's own counters on one member: Range calls handled and bytes sent to clients. */
async function memberCounters(
  clientUrl: string,
  tls: { ca: Buffer; cert: Buffer; key: Buffer },
): Promise<{ ranges: number; sentBytes: number }> {
  const body = await getFromMember(clientUrl, "/metrics", tls, 10_000);
  let ranges = 0;
  let sentBytes = 0;
  for (const line of body.split("\n")) {
    const value = Number(line.split(" ").at(-1));
    if (line.startsWith("grpc_server_handled_total{") && line.includes('grpc_method="Range"'))
      ranges += value;
    if (line.startsWith("etcd_network_client_grpc_sent_bytes_total")) sentBytes += value;
  }
  return { ranges, sentBytes };
}

function rss(): number {
  gc();
  return process.memoryUsage.rss();
}

interface BuildFigures {
  keysPassMs: number;
  valuesPassMs: number;
  rangesPerSecond: number;
  megabytesPerSecond: number;
  rssPerMillion: number;
  heapPerMillion: number;
  directories: number;
}

/** Starts an index on `endpoint` and times its two passes, with etcd's counters around them. */
async function buildIndex(
  cluster: EtcdCluster,
  endpoint: string,
  total: number,
): Promise<{ index: KeyspaceIndex; figures: BuildFigures }> {
  const files = cluster.tlsFiles;
  const tls = {
    ca: readFileSync(files.ca),
    cert: readFileSync(files.cert),
    key: readFileSync(files.key),
  };
  const source = new TlsMaterialSource(files);
  const rssBefore = rss();
  const heapBefore = process.memoryUsage().heapUsed;
  const before = await memberCounters(endpoint, tls);
  const index = new KeyspaceIndex({
    clusterId: "bench",
    enabled: true,
    bytesPerSecond: BUDGET_BYTES_PER_SECOND,
    deadlineMs: 5_000,
    endpoints: () => [endpoint],
    tls: () => source.current(),
    redaction: valueRedaction({ showSecrets: false, redactPatterns: ["/registry/secrets/*"] }),
    log: (message) => console.error(`bench: ${message}`),
  });
  onCleanup("stop the keyspace index", () => index.close());
  const t0 = performance.now();
  index.start();
  let keysDone = 0;
  for (;;) {
    const status = index.status();
    if (status.state === "off") throw new Error(`the index switched off: ${status.reason}`);
    if (!keysDone && (status.phase === "values" || status.state === "ready"))
      keysDone = performance.now();
    if (status.state === "ready") break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const ready = performance.now();
  const after = await memberCounters(endpoint, tls);
  const seconds = (ready - t0) / 1000;
  const perMillion = 1e6 / total;
  return {
    index,
    figures: {
      keysPassMs: keysDone - t0,
      valuesPassMs: ready - keysDone,
      rangesPerSecond: (after.ranges - before.ranges) / seconds,
      megabytesPerSecond: (after.sentBytes - before.sentBytes) / 1e6 / seconds,
      rssPerMillion: (rss() - rssBefore) * perMillion,
      heapPerMillion: (process.memoryUsage().heapUsed - heapBefore) * perMillion,
      directories: index.tree?.directoryCount ?? 0,
    },
  };
}

type Listing = (reader: KeyReader, prefix: string) => Promise<unknown>;

/** The first page of `prefix`: cold on a fresh reader (as after a server start), then warm. */
async function firstPage(
  makeReader: () => KeyReader,
  prefix: string,
  list: Listing,
): Promise<{ cold: number; warm: number }> {
  const reader = makeReader();
  try {
    const cold = await timed(() => list(reader, prefix));
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await timed(() => list(reader, prefix)));
    return { cold, warm: median(warm) };
  } finally {
    reader.close();
  }
}

async function stage(version: EtcdVersion, total: number, out: Record<string, string[]>) {
  const dir = benchTempDir(`raftscope-bench-keyspace-${version}-`);
  const cluster = await EtcdCluster.start({
    size: 3,
    dir,
    etcdVersion: version,
    quotaBackendBytes: 8 * 1024 ** 3,
  });
  const tearDown = trackCluster(cluster);
  const admin = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles, {
    callTimeoutMs: 60_000,
  });
  const big: Etcd3 = wideClient(cluster);
  try {
    await loadDataset(admin, total);
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader)?.clientUrl;
    if (!follower) throw new Error("no follower to read from");
    const { index, figures: f } = await buildIndex(cluster, follower, total);
    const row = `| ${version} | ${total.toLocaleString("en")}`;
    out.build?.push(
      `${row} | ${(f.keysPassMs / 1000).toFixed(1)} s | ${(f.valuesPassMs / 1000).toFixed(1)} s | ${f.rangesPerSecond.toFixed(0)} | ${f.megabytesPerSecond.toFixed(2)} | ${mib(f.rssPerMillion)} | ${mib(f.heapPerMillion)} | ${f.directories.toLocaleString("en")} |`,
    );
    const endpoints = [follower, ...cluster.endpoints.filter((e) => e !== follower)];
    const makeReader = () =>
      new KeyReader({
        cluster: { id: "bench", endpoints, tls: cluster.tlsFiles, deadlineMs: 5_000 },
      });
    const page = (prefix: string) => ({
      prefix: textBytes(prefix),
      separator: textBytes("/"),
      limit: 100,
    });
    for (const prefix of DIRECTORIES) {
      const indexed = await firstPage(makeReader, prefix, (r, p) => listKeys(r, page(p), index));
      const plain = await firstPage(makeReader, prefix, (r, p) => listKeys(r, page(p)));
      const whole = await loadEverything(big, prefix);
      const met = indexed.cold <= TARGET_MS && indexed.warm <= TARGET_MS ? "yes" : "**no**";
      out.pages?.push(
        `${row} | \`${prefix || "(root)"}\` | ${fmtMs(indexed.cold)} / ${fmtMs(indexed.warm)} | ${fmtMs(plain.cold)} / ${fmtMs(plain.warm)} | ${fmtMs(whole.ms)} for ${whole.keys.toLocaleString("en")} keys | ${met} |`,
      );
    }
    index.close();
  } finally {
    big.close();
    admin.close();
    await tearDown();
  }
}

/**
 * Runs the keyspace index benchmark on each etcd version at each size and returns its
 * markdown lines (also written to bench/results/keyspace.md).
 */
export async function runKeyspaceBench(
  totals: number[] = [100_000, 1_000_000],
  versions: EtcdVersion[] = ["3.4", "3.5"],
): Promise<string[]> {
  const out: Record<string, string[]> = { build: [], pages: [] };
  for (const version of versions) {
    for (const total of totals) await stage(version, total, out);
  }
  const lines = [
    `Scan budget: ${BUDGET_BYTES_PER_SECOND / 1e6} MB/s (the default). etcd's extra load is the scanned follower's own counters (grpc_server_handled_total for Range, etcd_network_client_grpc_sent_bytes_total) over the build, watch included.`,
    "",
    "| etcd | keys | keys-only pass | value-size pass | etcd Range req/s | etcd MB/s sent | RSS per million keys | heap per million keys | directories |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...(out.build ?? []),
    "",
    `First page (100 children) cold (fresh reader) / warm (median of ${WARM_RUNS}). Target: ≤ ${TARGET_MS} ms with the index ready.`,
    "",
    "| etcd | keys | directory | index ready | without the index | load-everything (one keys-only range) | target met |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...(out.pages ?? []),
  ];
  mkdirSync(path.join("bench", "results"), { recursive: true });
  writeFileSync(path.join("bench", "results", "keyspace.md"), `${lines.join("\n")}\n`);
  return lines;
}
