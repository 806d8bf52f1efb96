import "server-only";
import path from "node:path";
import { NotFoundError, RaftscopeError } from "../errors";
import type { ClusterHealth } from "../health/cluster-health";
import { ClusterAlerts } from "./alerts/cluster-alerts";
import { ClusterPoller } from "./cluster-poller";
import { loadConfig, type RaftscopeConfig } from "./config";
import { EventLog } from "./event-log";
import { HistoryStore, keepHistory, restoreHistory } from "./history-store";
import { KnownEndpoints } from "./known-endpoints";
import { EtcdClusterIds } from "./poller/etcd-cluster-ids";
import { startupSpreadMs } from "./poller/startup-spread";

export interface Runtime {
  config: RaftscopeConfig;
  pollers: Map<string, ClusterPoller>;
  /** The etcd mixin's rules per cluster, fed by that cluster's poller. */
  alerts: Map<string, ClusterAlerts>;
  /** Stops the periodic saving of chart history and saves it once more (at shutdown). */
  saveHistory: () => Promise<void>;
}

/** The ring buffer holds one point a second (ClusterPoller's resolution). */
const HISTORY_RESOLUTION_MS = 1000;

// One runtime per server process, kept on globalThis so hot reload and every route share it.
const globalForRuntime = globalThis as unknown as { raftscopeRuntime?: Runtime };

function createRuntime(config: RaftscopeConfig): Runtime {
  const pollers = new Map<string, ClusterPoller>();
  const alerts = new Map<string, ClusterAlerts>();
  const histories: { store: HistoryStore; buffer: ClusterPoller["history"] }[] = [];
  const etcdClusterIds = new EtcdClusterIds();
  for (const cluster of config.clusters) {
    const dir = path.join(config.dataDir, "clusters", cluster.id);
    const log = new EventLog({ dir, clusterId: cluster.id });
    const known = new KnownEndpoints(path.join(dir, "known-endpoints.json"));
    const poller = new ClusterPoller(cluster, log, known, etcdClusterIds);
    const rules = new ClusterAlerts(poller);
    const store = new HistoryStore(dir, cluster.id);
    restoreHistory(store, poller.history, poller.history.capacity * HISTORY_RESOLUTION_MS);
    histories.push({ store, buffer: poller.history });
    rules.start();
    poller.start({ spreadMs: startupSpreadMs(config.clusters.length) });
    pollers.set(cluster.id, poller);
    alerts.set(cluster.id, rules);
  }
  return { config, pollers, alerts, saveHistory: keepHistory(histories) };
}

/** The process's pollers, started on first use (instrumentation starts them at boot). */
export function getRuntime(): Runtime {
  globalForRuntime.raftscopeRuntime ??= createRuntime(loadConfig());
  return globalForRuntime.raftscopeRuntime;
}

/** Starts the pollers with a config already completed at boot (endpoints found by DNS SRV). */
export function initRuntime(config: RaftscopeConfig): Runtime {
  globalForRuntime.raftscopeRuntime ??= createRuntime(config);
  return globalForRuntime.raftscopeRuntime;
}

export function getPoller(clusterId: string): ClusterPoller {
  const poller = getRuntime().pollers.get(clusterId);
  if (!poller) throw new NotFoundError(`No cluster with id "${clusterId}"`);
  return poller;
}

export function getAlerts(clusterId: string): ClusterAlerts {
  const alerts = getRuntime().alerts.get(clusterId);
  if (!alerts) throw new NotFoundError(`No cluster with id "${clusterId}"`);
  return alerts;
}

/** The latest verdict, waiting for the first sweep when the server has just started. */
export async function currentHealth(poller: ClusterPoller): Promise<ClusterHealth> {
  const known = poller.health;
  if (known) return known;
  const waitMs = poller.config.deadlineMs * 3;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new RaftscopeError(
            "ETCD_UNAVAILABLE",
            `No sweep of cluster "${poller.config.id}" has finished within ${waitMs} ms`,
          ),
        ),
      waitMs,
    );
  });
  try {
    return await Promise.race([poller.firstHealth(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
