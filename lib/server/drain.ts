import "server-only";
import { markDraining } from "./drain-state";
import { closeKeyspaceIndexes } from "./keyspace/keyspace-indexes";
import { log } from "./log";
import { closeOpenStreams } from "./open-streams";
import type { Runtime } from "./runtime";

const globalForRuntime = globalThis as unknown as { raftscopeRuntime?: Runtime };

/**
 * The drain run on SIGTERM (scripts/start.mjs calls it, then waits for the HTTP server to
 * close): readiness turns not ok, every event stream ends, the keyspace indexes stop their
 * scans and watches, every poller finishes its sweep and stops, and every event log is synced
 * to disk and closed. Resolves when all of that is done; the caller bounds it with its own
 * deadline.
 */
export async function drainRuntime(): Promise<void> {
  markDraining();
  const streams = closeOpenStreams();
  log.info("event streams closed", { streams });
  const indexes = closeKeyspaceIndexes();
  if (indexes > 0) log.info("keyspace indexes stopped", { indexes });
  const runtime = globalForRuntime.raftscopeRuntime;
  if (!runtime) return;
  await Promise.all(
    [...runtime.pollers.values()].map(async (poller) => {
      await poller.stop();
      poller.events.close();
      log.info("poller stopped; event log synced and closed", { cluster: poller.config.id });
    }),
  );
  await runtime.saveHistory();
  log.info("chart history saved", { clusters: runtime.pollers.size });
}

/** Where scripts/start.mjs finds the drain: it is plain JavaScript outside the app's bundles. */
export function publishDrain(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for("raftscope.drain")] = drainRuntime;
}
