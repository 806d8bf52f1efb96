import "server-only";
import { isDraining } from "./drain-state";
import { getRuntime } from "./runtime";

/**
 * Ready means: the config loaded, every cluster's first sweep is done (its verdict may well be
 * "unavailable": readiness is about Raftscope, not etcd), and no drain has begun.
 */
export function isReady(): boolean {
  if (isDraining()) return false;
  let pollers: Iterable<{ health: unknown }>;
  try {
    pollers = getRuntime().pollers.values();
  } catch {
    return false;
  }
  for (const poller of pollers) if (poller.health === undefined) return false;
  return true;
}
