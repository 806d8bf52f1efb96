import "server-only";
import type { FleetResponse } from "../../fleet/fleet-cluster";
import { fleetFromSeries } from "../../fleet/fleet-from-series";
import { queryInstant } from "../prometheus/prometheus-api";
import type { FleetSettings } from "./fleet-settings";

const FLEET_SERIES =
  "raftscope_cluster_(info|known|status|writable|remaining_failures|voters|healthy_voters)";
/** Every overview in the process shares one answer this long: Prometheus is asked once. */
const REUSE_MS = 5_000;

let last: { at: number; answer: Promise<FleetResponse> } | undefined;

/**
 * The fleet as the fleet's Prometheus sees it: three instant queries (the raftscope_cluster_*
 * series, `up` of the Raftscopes, the clusters seen in the last hour), each within the source's
 * deadline, shared for 5 s.
 * Throws PROMETHEUS_UNAVAILABLE when either fails.
 */
export function readFleet(
  settings: FleetSettings,
  nowMs: number = Date.now(),
): Promise<FleetResponse> {
  if (last && nowMs - last.at < REUSE_MS) return last.answer;
  const { source } = settings;
  const sel = source.selector ? `, ${source.selector}` : "";
  const answer = Promise.all([
    queryInstant(source, `{__name__=~"${FLEET_SERIES}"${sel}}`),
    queryInstant(source, `up{${source.selector}}`),
    queryInstant(source, `last_over_time(raftscope_cluster_info{${source.selector}}[1h])`),
  ]).then(([series, up, seen]) => {
    const url = new URL(source.url);
    return {
      source: `${url.protocol}//${url.host}${url.pathname}`,
      clusters: fleetFromSeries(series, up, seen, settings.links),
    };
  });
  const entry = { at: nowMs, answer };
  last = entry;
  answer.catch(() => {
    if (last === entry) last = undefined;
  });
  return answer;
}
