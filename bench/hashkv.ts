// HashKV cost at 100k and 1M keys: how long one member takes to hash its key bucket, and what
// a concurrent hash does to the latency of writes the cluster serves meanwhile.
import os from "node:os";
import type { Etcd3 } from "etcd3";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { fetchHashKv, fetchPosition } from "../lib/server/consistency/member-hash-rpc";
import { quantile, runWhenMain } from "./bench-support";
import { benchTempDir, trackCluster } from "./cleanup";
import { loadDataset } from "./keys-dataset";

const SIZES = [100_000, 1_000_000];
const HASHES = 5;

/** Put latencies (ms) of sequential writes for as long as `during` runs. */
async function writeLatencies(client: Etcd3, during: Promise<unknown>): Promise<number[]> {
  let done = false;
  void during.finally(() => {
    done = true;
  });
  const samples: number[] = [];
  let i = 0;
  while (!done) {
    const t0 = performance.now();
    await client.put(`/bench/hashkv/${i++ % 100}`).value("v");
    samples.push(performance.now() - t0);
  }
  return samples;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function benchSize(total: number): Promise<string> {
  const dir = benchTempDir("raftscope-bench-hashkv-");
  const cluster = await EtcdCluster.start({ size: 3, dir, quotaBackendBytes: 8 * 1024 ** 3 });
  const tearDown = trackCluster(cluster);
  const admin = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles, {
    callTimeoutMs: 60_000,
  });
  const leaderName = await cluster.leader();
  const follower = cluster.members.find((m) => m.name !== leaderName);
  if (!follower) throw new Error("no follower");
  const one = createEtcdClient([follower.clientUrl], cluster.tlsFiles, { callTimeoutMs: 120_000 });
  try {
    await loadDataset(admin, total);
    const revision = (await fetchPosition(one, 10_000)).revision;
    const status = await one.maintenance.status();
    const durations: number[] = [];
    for (let i = 0; i < HASHES; i++) {
      const t0 = performance.now();
      await fetchHashKv(one, revision, 120_000);
      durations.push(performance.now() - t0);
    }
    const idle = await writeLatencies(admin, sleep(3_000));
    const hashes = (async () => {
      for (let i = 0; i < 3; i++) await fetchHashKv(one, revision, 120_000);
    })();
    const busy = await writeLatencies(admin, hashes);
    const ratio = quantile(busy, 0.99) / quantile(idle, 0.99);
    return `| ${total.toLocaleString("en")} | ${(Number(status.dbSize) / 1024 ** 2).toFixed(0)} MiB | ${quantile(durations, 0.5).toFixed(0)} ms | ${Math.max(...durations).toFixed(0)} ms | ${quantile(idle, 0.99).toFixed(1)} ms | ${quantile(busy, 0.99).toFixed(1)} ms (×${ratio.toFixed(1)}) | ${Math.max(...busy).toFixed(0)} ms |`;
  } finally {
    one.close();
    admin.close();
    await tearDown();
  }
}

/** Markdown rows: keys, db size, HashKV median and worst, put p99 idle and during hashes. */
export async function benchHashKv(): Promise<string[]> {
  const rows = [
    `etcd 3.4.23, 3 members with mutual TLS on loopback, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), shared and loaded; HashKV on one follower, ${HASHES} times; writes through the cluster, one at a time.`,
    "",
    "| keys | db size | HashKV median | HashKV worst | put p99 idle | put p99 during HashKV | put worst during HashKV |",
    "| ---- | ------- | ------------- | ------------ | ------------ | --------------------- | ----------------------- |",
  ];
  for (const total of SIZES) rows.push(await benchSize(total));
  return rows;
}

runWhenMain(import.meta.url, benchHashKv);
