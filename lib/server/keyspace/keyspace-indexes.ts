import "server-only";
import { readEndpoints } from "../../keys/read-endpoints";
import { getKeyBrowserSettings } from "../keys/key-browser-settings";
import { getPoller, getRuntime } from "../runtime";
import { KeyspaceIndex } from "./keyspace-index";
import { keyspaceSettings } from "./keyspace-settings";
import { valueRedaction } from "./value-redaction";

// One index per cluster per process, on globalThis like the runtime, so hot reload and every
// route share it.
const globalForIndexes = globalThis as unknown as {
  raftscopeKeyspaceIndexes?: Map<string, KeyspaceIndex>;
};

/** The keyspace index of a configured cluster, started on first use; NotFoundError otherwise. */
export function getKeyspaceIndex(clusterId: string): KeyspaceIndex {
  const poller = getPoller(clusterId);
  const indexes = globalForIndexes.raftscopeKeyspaceIndexes ?? new Map<string, KeyspaceIndex>();
  globalForIndexes.raftscopeKeyspaceIndexes = indexes;
  let index = indexes.get(clusterId);
  if (!index) {
    const settings = keyspaceSettings(poller.config);
    index = new KeyspaceIndex({
      clusterId,
      enabled: settings.enabled,
      bytesPerSecond: settings.scanMegabytesPerSecond * 1_000_000,
      deadlineMs: Math.max(poller.config.deadlineMs, 2_000),
      endpoints: () => {
        const voters = readEndpoints(poller.health?.members ?? []);
        return voters.length > 0 ? voters : poller.config.endpoints;
      },
      tls: () => poller.tlsSource?.current(),
      redaction: valueRedaction(getKeyBrowserSettings()),
      log: (message) => console.warn(`raftscope: ${message}`),
    });
    index.start();
    indexes.set(clusterId, index);
  }
  return index;
}

/** Starts every cluster's index at boot, so it is ready before anyone asks. */
export function startKeyspaceIndexes(): void {
  for (const id of getRuntime().pollers.keys()) getKeyspaceIndex(id);
}

/** Stops every index's scan and watch (the SIGTERM drain); returns how many there were. */
export function closeKeyspaceIndexes(): number {
  const indexes = globalForIndexes.raftscopeKeyspaceIndexes;
  if (!indexes) return 0;
  for (const index of indexes.values()) index.close();
  const closed = indexes.size;
  indexes.clear();
  return closed;
}
