// The key browser benchmark's keyspace: a /registry-like tree of `total` keys with wide, deep and
// flat prefixes, loaded through the harness's own client in batched transactions.
import type { Etcd3 } from "etcd3";
import { deployment } from "../harness/k8s-objects";
import { k8sEnvelope } from "../harness/k8s-storage";

/** The prefix with 10% of all keys (100,000 at a million) directly under it, no directories. */
export const FLAT_PREFIX = "/registry/events/load-test/";
/** A realistic object to open; every other value is a small envelope. */
export const DEPLOYMENT_KEY = "/registry/deployments/ns-0000/web-0000";

interface Resource {
  name: string;
  /** Share of all keys. */
  share: number;
  namespaces: number;
}

// Shares add up to 0.9; the flat prefix holds the last 0.1.
const RESOURCES: Resource[] = [
  { name: "pods", share: 0.4, namespaces: 400 },
  { name: "configmaps", share: 0.1, namespaces: 200 },
  { name: "secrets", share: 0.1, namespaces: 200 },
  { name: "replicasets", share: 0.1, namespaces: 200 },
  { name: "leases", share: 0.05, namespaces: 50 },
  { name: "services/specs", share: 0.05, namespaces: 200 },
  { name: "deployments", share: 0.05, namespaces: 200 },
  { name: "services/endpoints", share: 0.05, namespaces: 200 },
];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Every key of a keyspace of `total` keys, in a deterministic order. */
export function* datasetKeys(total: number): Generator<string> {
  for (const r of RESOURCES) {
    const count = Math.round(total * r.share);
    const perNamespace = Math.ceil(count / r.namespaces);
    for (let i = 0; i < count; i++) {
      const ns = Math.floor(i / perNamespace);
      yield `/registry/${r.name}/ns-${pad(ns, 4)}/${r.name === "deployments" ? "web" : "obj"}-${pad(i % perNamespace, 4)}`;
    }
  }
  const flat = total - RESOURCES.reduce((n, r) => n + Math.round(total * r.share), 0);
  for (let i = 0; i < flat; i++) yield `${FLAT_PREFIX}event-${pad(i, 7)}`;
  yield "compact_rev_key";
  yield "feature-flags";
}

/** The flat prefix's key at `fraction` of the way through it. */
export function flatKeyAt(total: number, fraction: number): string {
  const flat = total - RESOURCES.reduce((n, r) => n + Math.round(total * r.share), 0);
  return `${FLAT_PREFIX}event-${pad(Math.floor(flat * fraction), 7)}`;
}

const BATCH = 128; // etcd's default --max-txn-ops
const IN_FLIGHT = 16;

/** Puts every key of the dataset, `BATCH` per transaction, `IN_FLIGHT` transactions at a time. */
export async function loadDataset(client: Etcd3, total: number): Promise<void> {
  const small = k8sEnvelope("v1", "Event", Buffer.alloc(120, 0x61));
  const object = deployment(
    {
      name: "web-0000",
      namespace: "ns-0000",
      uid: "00000000-0000-4000-a000-000000000000",
      createdAt: Date.UTC(2026, 0, 1),
    },
    3,
    { labels: { app: "web" }, containers: [{ name: "web", image: "example/web:1" }] },
  );
  let batch: Array<{ request_put: { key: Buffer; value: Buffer } }> = [];
  const inFlight: Promise<unknown>[] = [];
  const flush = async () => {
    if (batch.length > 0) inFlight.push(client.kv.txn({ success: batch }));
    batch = [];
    if (inFlight.length >= IN_FLIGHT) await Promise.all(inFlight.splice(0));
  };
  for (const key of datasetKeys(total)) {
    batch.push({
      request_put: { key: Buffer.from(key), value: key === DEPLOYMENT_KEY ? object : small },
    });
    if (batch.length === BATCH) await flush();
  }
  await flush();
  await Promise.all(inFlight);
}
