import { buildDemoData, type DemoEntry } from "./demo-data";
import { createEtcdClient } from "./etcd-client";
import type { TlsFiles } from "./etcdctl";

export { BINARY_KEY, seededKeys } from "./demo-data";

export interface SeedTarget {
  endpoints: string[];
  tlsFiles: TlsFiles;
}

export interface SeedResult {
  /** Keys live after seeding (one event is deleted again to leave a tombstone). */
  keyCount: number;
  /** etcd revision after the last write. */
  revision: number;
}

const CONCURRENCY = 16;
const EVENT_TTL_SECONDS = 3_600;
const LEASE_RENEWALS = 3;

/**
 * Writes the demo keyspace (see demo-data.ts) through an etcd3 client with mutual TLS and a 5 s
 * deadline on every call. Afterwards renews the Kubernetes leases a few times and deletes one
 * event, so keys have version history and the store has a tombstone, as a live cluster's would.
 */
export async function seedDemoData(target: SeedTarget): Promise<SeedResult> {
  const client = createEtcdClient(target.endpoints, target.tlsFiles);
  try {
    const now = Date.now();
    const entries = buildDemoData(now);
    // Kubernetes puts events on one-hour etcd leases so they expire on their own.
    const { ID: eventLease } = await client.leaseClient.leaseGrant({ TTL: EVENT_TTL_SECONDS });
    await inBatches(entries, async (entry) => {
      const put = client.put(entry.key).value(entry.value);
      await (entry.leased ? put.lease(eventLease) : put);
    });

    for (let renewal = 1; renewal <= LEASE_RENEWALS; renewal++) {
      const renewed = buildDemoData(now + renewal * 10_000).filter((entry) =>
        entry.key.toString("latin1").startsWith("/registry/leases/"),
      );
      await inBatches(renewed, (entry) => client.put(entry.key).value(entry.value).exec());
    }

    const firstEvent = entries.find((entry) =>
      entry.key.toString("latin1").startsWith("/registry/events/"),
    );
    if (firstEvent !== undefined) await client.delete().key(firstEvent.key).exec();

    const count = await client.getAll().count();
    const { header } = await client.get("compact_rev_key").exec();
    return { keyCount: count, revision: Number(header.revision) };
  } finally {
    client.close();
  }
}

async function inBatches(
  entries: DemoEntry[],
  write: (entry: DemoEntry) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < entries.length; i += CONCURRENCY) {
    await Promise.all(entries.slice(i, i + CONCURRENCY).map(write));
  }
}
