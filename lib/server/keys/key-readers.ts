import "server-only";
import { readEndpoints } from "../../keys/read-endpoints";
import { getPoller, getRuntime } from "../runtime";
import { KeyReader } from "./key-reader";

// One reader per cluster per process, kept on globalThis like the runtime, so hot reload and
// every route share its client, semaphore and directory hints.
const globalForKeys = globalThis as unknown as { raftscopeKeyReaders?: Map<string, KeyReader> };

/** The key reader of a configured cluster; NotFoundError for an unknown id. */
export function getKeyReader(clusterId: string): KeyReader {
  const poller = getPoller(clusterId);
  const readers = globalForKeys.raftscopeKeyReaders ?? new Map<string, KeyReader>();
  globalForKeys.raftscopeKeyReaders = readers;
  let reader = readers.get(clusterId);
  if (!reader) {
    const user = getRuntime().config.etcdUsers.get(clusterId);
    reader = new KeyReader({
      cluster: poller.config,
      ...(user ? { user } : {}),
      ...(poller.tlsSource ? { tlsSource: poller.tlsSource } : {}),
      reachableEndpoints: () => readEndpoints(poller.health?.members ?? []),
      blindReason: () => {
        const blind = poller.health?.blind;
        return blind?.kind === "credentials" ? blind.message : undefined;
      },
      quorumUnavailable: () => {
        const h = poller.health;
        return h !== undefined && (h.leader === null || (h.quorum.margin ?? -1) < 0);
      },
    });
    readers.set(clusterId, reader);
  }
  return reader;
}
