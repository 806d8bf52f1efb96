// What the key browser and keyspace benchmarks share: timing, medians, and the load-everything
// comparator with the receive limit other etcd UIs must configure to read a large prefix.
import { readFileSync } from "node:fs";
import { Etcd3 } from "etcd3";
import type { EtcdCluster } from "../harness/etcd-cluster";

export const fmtMs = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Milliseconds `fn` takes. */
export async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** A root client whose receive limit (1 GiB) is as large as any prefix it loads. */
export function wideClient(cluster: EtcdCluster): Etcd3 {
  const tls = cluster.rootTlsFiles;
  return new Etcd3({
    hosts: cluster.endpoints,
    credentials: {
      rootCertificate: readFileSync(tls.ca),
      certChain: readFileSync(tls.cert),
      privateKey: readFileSync(tls.key),
    },
    grpcOptions: {
      "grpc.max_receive_message_length": 1024 * 1024 * 1024,
      "grpc.ssl_target_name_override": "localhost",
    },
  });
}

/** The load-everything way: one keys-only range over the whole prefix, as other UIs read it. */
export async function loadEverything(
  client: Etcd3,
  prefix: string,
): Promise<{ ms: number; keys: number }> {
  const key = Buffer.from(prefix || "\0");
  const end = prefix
    ? Buffer.from(
        prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1),
      )
    : Buffer.from([0]);
  const t0 = performance.now();
  const res = await client.kv.range(
    { key, range_end: end, keys_only: true },
    { deadline: Date.now() + 120_000 },
  );
  return { ms: performance.now() - t0, keys: res.kvs.length };
}
