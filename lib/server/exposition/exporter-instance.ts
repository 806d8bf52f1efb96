import "server-only";
import { getRuntime } from "../runtime";
import { VerdictExporter } from "./verdict-exporter";

// One exporter per process beside the runtime: default process metrics register once, and leader
// changes are counted from the start (instrumentation creates it at boot).
const globalForExporter = globalThis as unknown as { raftscopeExporter?: VerdictExporter };

/** The process's exporter of /metrics, created on first use over the runtime's pollers. */
export function getVerdictExporter(): VerdictExporter {
  globalForExporter.raftscopeExporter ??= new VerdictExporter(getRuntime().pollers);
  return globalForExporter.raftscopeExporter;
}
