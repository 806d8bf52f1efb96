import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";

async function main() {
  const N = Number(process.argv[2] ?? 1_000_000);
  const cluster = await EtcdCluster.start({
    size: 1,
    dir: "/tmp/kprobe/c",
    quotaBackendBytes: 8 * 1024 ** 3,
  });
  const client = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles, {
    callTimeoutMs: 60_000,
  });
  const t0 = performance.now();
  const val = Buffer.alloc(100, 120);
  let batch: { request_put: { key: Buffer; value: Buffer } }[] = [];
  const inflight: Promise<unknown>[] = [];
  for (let i = 0; i < N; i++) {
    const k =
      i < 100_000
        ? `/registry/events/big/ev-${String(i).padStart(7, "0")}`
        : `/registry/r${i % 20}/ns${(i >> 5) % 200}/obj-${i}`;
    batch.push({ request_put: { key: Buffer.from(k), value: val } });
    if (batch.length === 128) {
      inflight.push(client.kv.txn({ success: batch }));
      batch = [];
      if (inflight.length >= 16) await Promise.all(inflight.splice(0));
    }
  }
  if (batch.length) inflight.push(client.kv.txn({ success: batch }));
  await Promise.all(inflight);
  console.log("loaded", N, "in", ((performance.now() - t0) / 1000).toFixed(1), "s");
  async function time(label: string, req: Parameters<typeof client.kv.range>[0]) {
    const ts: number[] = [];
    let n = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = await client.kv.range(req);
      ts.push(performance.now() - t);
      n = r.kvs.length;
    }
    ts.sort((a, b) => a - b);
    console.log(label, "median", ts[2]?.toFixed(2), "ms", "kvs", n);
  }
  const b = (s: string) => Buffer.from(s);
  await time("all limit1 keysOnly", {
    key: b("\0"),
    range_end: b("\0"),
    limit: 1,
    keys_only: true,
  });
  await time("/registry/ limit1", {
    key: b("/registry/"),
    range_end: b("/registry0"),
    limit: 1,
    keys_only: true,
  });
  await time("/registry/ limit1 serializable", {
    key: b("/registry/"),
    range_end: b("/registry0"),
    limit: 1,
    keys_only: true,
    serializable: true,
  });
  await time("events/big limit 100", {
    key: b("/registry/events/big/"),
    range_end: b("/registry/events/big0"),
    limit: 100,
    keys_only: true,
  });
  await time("events/big deep limit 100", {
    key: b("/registry/events/big/ev-0090000"),
    range_end: b("/registry/events/big0"),
    limit: 100,
    keys_only: true,
  });
  await time("r1/ limit 1", {
    key: b("/registry/r1/"),
    range_end: b("/registry/r10"),
    limit: 1,
    keys_only: true,
  });
  await time("bounded tiny", {
    key: b("/registry/r1/ns1/"),
    range_end: b("/registry/r1/ns10"),
    limit: 1,
    keys_only: true,
  });
  await time("load everything /registry/ keysOnly", {
    key: b("/registry/"),
    range_end: b("/registry0"),
    keys_only: true,
  });
  client.close();
  await cluster.teardown({ removeData: true });
}
void main();
