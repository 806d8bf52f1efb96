// The keyspace index benchmark's clusters and tables (entry point: bench/keyspace.ts). Each
// stage's index runs in a process of its own (bench/keyspace-stage.ts), so its memory is
// measured from a clean start, as a fresh server's would be.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EtcdVersion } from "../harness/etcd-binaries";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { benchTempDir, trackCluster } from "./cleanup";
import { FLAT_PREFIX, loadDataset } from "./keys-dataset";
import {
  BUDGET_BYTES_PER_SECOND,
  type StageFigures,
  type StageInput,
  WARM_RUNS,
} from "./keyspace-stage";
import { fmtMs, loadEverything, mib, wideClient } from "./range-timing";

/** The first page of any directory, once the index is ready (issue 10's target). */
const TARGET_MS = 100;
const STAGE_SCRIPT = path.join(import.meta.dirname, "keyspace-stage.ts");

/** The directories whose first page is timed: wide, deep, a directory of keys, and a flat one. */
const DIRECTORIES = ["", "/registry/", "/registry/pods/", "/registry/pods/ns-0000/", FLAT_PREFIX];

function runStageProcess(input: StageInput): StageFigures {
  const res = spawnSync(
    process.execPath,
    process.execArgv.concat([STAGE_SCRIPT, JSON.stringify(input)]),
    {
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      env: process.env,
      timeout: 60 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const last = res.stdout?.trim().split("\n").at(-1);
  if (res.status !== 0 || !last) throw new Error(`the stage process failed (${res.status})`);
  return JSON.parse(last) as StageFigures;
}

async function stage(
  version: EtcdVersion,
  total: number,
  out: Record<string, string[]>,
): Promise<number> {
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
  const big = wideClient(cluster);
  try {
    await loadDataset(admin, total);
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader)?.clientUrl;
    if (!follower) throw new Error("no follower to read from");
    const f = runStageProcess({
      follower,
      endpoints: cluster.endpoints,
      tls: cluster.tlsFiles,
      directories: DIRECTORIES,
    });
    const seconds = (f.keysPassMs + f.valuesPassMs) / 1000;
    const perMillion = 1e6 / total;
    const row = `| ${version} | ${total.toLocaleString("en")}`;
    out.build?.push(
      `${row} | ${(f.keysPassMs / 1000).toFixed(1)} s | ${(f.valuesPassMs / 1000).toFixed(1)} s | ${(f.ranges / seconds).toFixed(0)} | ${(f.sentBytes / 1e6 / seconds).toFixed(2)} | ${mib(f.rssReady)} | ${mib(f.rssGrowth)} | ${mib(f.heapGrowth * perMillion)} | ${f.directories.toLocaleString("en")} |`,
    );
    for (const { prefix, indexed, plain } of f.pages) {
      const whole = await loadEverything(big, prefix);
      const met = indexed.cold <= TARGET_MS && indexed.warm <= TARGET_MS ? "yes" : "**no**";
      out.pages?.push(
        `${row} | \`${prefix || "(root)"}\` | ${fmtMs(indexed.cold)} / ${fmtMs(indexed.warm)} | ${fmtMs(plain.cold)} / ${fmtMs(plain.warm)} | ${fmtMs(whole.ms)} for ${whole.keys.toLocaleString("en")} keys | ${met} |`,
      );
    }
    return f.rssReady;
  } finally {
    big.close();
    admin.close();
    await tearDown();
  }
}

/** RSS per million keys: the slope of RSS at ready between the smallest and largest size. */
function rssSlope(version: EtcdVersion, ready: Array<[number, number]>): string {
  const [small, large] = [ready[0], ready.at(-1)];
  if (!small || !large || large[0] === small[0]) {
    return `- etcd ${version}: RSS per million keys needs two sizes (the slope of RSS at ready between them); this run had one.`;
  }
  const slope = ((large[1] - small[1]) / (large[0] - small[0])) * 1e6;
  return `- etcd ${version}: RSS per million keys ${mib(slope)} (RSS at ready from ${small[0].toLocaleString("en")} to ${large[0].toLocaleString("en")} keys).`;
}

/**
 * Runs the keyspace index benchmark on each etcd version at each size and returns its
 * markdown lines (also written to bench/results/keyspace.md).
 */
export async function runKeyspaceBench(
  totals: number[] = [100_000, 1_000_000],
  versions: EtcdVersion[] = ["3.4", "3.5"],
): Promise<string[]> {
  const out: Record<string, string[]> = { build: [], pages: [], slopes: [] };
  const sizes = [...totals].sort((a, b) => a - b);
  for (const version of versions) {
    const ready: Array<[number, number]> = [];
    for (const total of sizes) ready.push([total, await stage(version, total, out)]);
    out.slopes?.push(rssSlope(version, ready));
  }
  const lines = [
    `Scan budget: ${BUDGET_BYTES_PER_SECOND / 1e6} MB/s (the default). etcd's extra load: the scanned follower's own counters (grpc_server_handled_total for Range, etcd_network_client_grpc_sent_bytes_total) over the build, the watch included. Memory: a fresh process's RSS once the index is ready, its growth from before the build (connections and code included), and heap growth per million keys, each after a full GC.`,
    "",
    "| etcd | keys | keys-only pass | value-size pass | etcd Range req/s | etcd MB/s sent | RSS at ready | RSS growth | heap per million keys | directories |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...(out.build ?? []),
    "",
    ...(out.slopes ?? []),
    "",
    `First page (100 children), cold (the directory's first listing on a connected reader) / warm (median of ${WARM_RUNS}). Target: ≤ ${TARGET_MS} ms with the index ready.`,
    "",
    "| etcd | keys | directory | index ready | without the index | load-everything (one keys-only range) | target met |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...(out.pages ?? []),
  ];
  mkdirSync(path.join("bench", "results"), { recursive: true });
  writeFileSync(path.join("bench", "results", "keyspace.md"), `${lines.join("\n")}\n`);
  return lines;
}
