import "server-only";
import { etcdctlWarnings } from "../config/etcdctl-warnings";
import { ConfigError } from "../errors";
import { eventLogEntry } from "../events/event-log-entry";
import { loadConfig } from "./config";
import { startConsistencyChecks } from "./consistency/consistency-checkers";
import { withDiscoveredEndpoints } from "./discovery/with-discovered-endpoints";
import { publishDrain } from "./drain";
import { getVerdictExporter } from "./exposition/exporter-instance";
import { getFleetSettings } from "./fleet/fleet-settings";
import { startForensics } from "./forensics/forensics-recorders";
import { getKeyBrowserSettings } from "./keys/key-browser-settings";
import { startKeyspaceIndexes } from "./keyspace/keyspace-indexes";
import { log } from "./log";
import { initRuntime } from "./runtime";

/**
 * Boot-time start: a bad config ends the process with the message that names the field. Every
 * cluster event also goes to the server log, and the SIGTERM drain is published for the start
 * script.
 */
export async function startRuntime(): Promise<void> {
  for (const warning of etcdctlWarnings(process.env)) log.warn(`warning: ${warning}`);
  try {
    const { config, pollers } = initRuntime(await withDiscoveredEndpoints(loadConfig()));
    // Parsed now so a bad secrets setting stops the start, not the first key read.
    getKeyBrowserSettings();
    // Counts leader changes from the first sweep on, not from the first scrape.
    getVerdictExporter();
    for (const c of config.clusters.filter((c) => c.discoverySrv)) {
      log.info(
        `cluster "${c.id}" endpoints from DNS SRV ${c.discoverySrv}: ${c.endpoints.join(", ")}`,
        { cluster: c.id },
      );
    }
    startKeyspaceIndexes();
    startConsistencyChecks();
    const fleet = getFleetSettings();
    if (fleet) log.info(`fleet mode, clusters from ${new URL(fleet.source.url).host}`);
    startForensics();
    log.info(
      `watching ${config.clusters.map((c) => c.id).join(", ")} (from ${config.source}); data in ${config.dataDir}`,
    );
    for (const finding of config.findings ?? []) log.info(finding);
    for (const poller of pollers.values()) {
      poller.subscribe((msg) => {
        if (msg.kind !== "event") return;
        const { message, fields } = eventLogEntry(msg.event);
        log.info(message, fields);
      });
    }
    publishDrain();
    // Named at start with the file (the health page omits paths): a key the server cannot use
    // fails every read until fixed.
    for (const poller of pollers.values()) {
      const problem = poller.tlsSource?.unusable;
      const tls = poller.config.tls;
      if (problem && tls) {
        log.error(
          `cluster "${poller.config.id}": ${problem.message} (tls.key is ${tls.key}${tls.keyPassphraseFile ? `, tls.keyPassphraseFile is ${tls.keyPassphraseFile}` : ""})`,
        );
      }
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      log.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
