import "server-only";
import { etcdctlWarnings } from "../config/etcdctl-warnings";
import { ConfigError } from "../errors";
import { loadConfig } from "./config";
import { withDiscoveredEndpoints } from "./discovery/with-discovered-endpoints";
import { getVerdictExporter } from "./exposition/exporter-instance";
import { getKeyBrowserSettings } from "./keys/key-browser-settings";
import { startKeyspaceIndexes } from "./keyspace/keyspace-indexes";
import { initRuntime } from "./runtime";

/** Boot-time start: a bad config ends the process with the message that names the field. */
export async function startRuntime(): Promise<void> {
  for (const warning of etcdctlWarnings(process.env))
    console.warn(`raftscope: warning: ${warning}`);
  try {
    const { config } = initRuntime(await withDiscoveredEndpoints(loadConfig()));
    // Parsed now so a bad secrets setting stops the start, not the first key read.
    getKeyBrowserSettings();
    // Counts leader changes from the first sweep on, not from the first scrape.
    getVerdictExporter();
    for (const c of config.clusters.filter((c) => c.discoverySrv)) {
      console.log(
        `raftscope: cluster "${c.id}" endpoints from DNS SRV ${c.discoverySrv}: ${c.endpoints.join(", ")}`,
      );
    }
    startKeyspaceIndexes();
    console.log(
      `raftscope: watching ${config.clusters.map((c) => c.id).join(", ")} (from ${config.source}); data in ${config.dataDir}`,
    );
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`raftscope: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
