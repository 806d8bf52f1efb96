import "server-only";
import { ConfigError } from "../errors";
import { getVerdictExporter } from "./exposition/exporter-instance";
import { getKeyBrowserSettings } from "./keys/key-browser-settings";
import { getRuntime } from "./runtime";

/** Boot-time start: a bad config ends the process with the message that names the field. */
export function startRuntime(): void {
  try {
    const { config } = getRuntime();
    // Parsed now so a bad secrets setting stops the start, not the first key read.
    getKeyBrowserSettings();
    // Counts leader changes from the first sweep on, not from the first scrape.
    getVerdictExporter();
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
