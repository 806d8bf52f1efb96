import "server-only";
import { formatIssues } from "../../config/format-issues";
import {
  type PrometheusSource,
  prometheusSourceSchema,
} from "../../config/prometheus-source-schema";
import { ConfigError } from "../../errors";
import { fleetEnvSchema } from "../../fleet/fleet-settings-schema";

export interface FleetSettings {
  source: PrometheusSource;
  links: Record<string, string>;
}

const globalForFleet = globalThis as unknown as { raftscopeFleet?: FleetSettings | null };

/**
 * Fleet mode's settings from RAFTSCOPE_FLEET_PROMETHEUS, _SELECTOR and _URLS, or null when fleet
 * mode is off. Validated once (start-up calls it); a bad value throws ConfigError naming it.
 */
export function getFleetSettings(
  env: Record<string, string | undefined> = process.env,
): FleetSettings | null {
  if (globalForFleet.raftscopeFleet !== undefined) return globalForFleet.raftscopeFleet;
  const parsed = fleetEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid fleet environment:\n${formatIssues(parsed.error)}`);
  }
  const e = parsed.data;
  const settings = e.RAFTSCOPE_FLEET_PROMETHEUS
    ? {
        source: prometheusSourceSchema.parse({
          url: e.RAFTSCOPE_FLEET_PROMETHEUS,
          selector: e.RAFTSCOPE_FLEET_SELECTOR ?? "",
        }),
        links: e.RAFTSCOPE_FLEET_URLS,
      }
    : null;
  globalForFleet.raftscopeFleet = settings;
  return settings;
}
