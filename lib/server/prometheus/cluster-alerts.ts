import "server-only";
import type { PrometheusSource } from "../../config/prometheus-source-schema";
import { matchAlerts } from "../../prometheus/match-alerts";
import type { PrometheusAlertsResponse } from "../../prometheus/prometheus-alert-view";
import { activeAlerts, queryInstant } from "./prometheus-api";

/**
 * Prometheus' own pending and firing alerts for the cluster its selector picks (see
 * match-alerts.ts). Two requests, each within the source's deadline; throws
 * PROMETHEUS_UNAVAILABLE when either fails.
 */
export async function prometheusClusterAlerts(
  source: PrometheusSource,
): Promise<PrometheusAlertsResponse> {
  const [series, alerts] = await Promise.all([
    queryInstant(source, `ALERTS{${source.selector}}`),
    activeAlerts(source),
  ]);
  const url = new URL(source.url);
  return {
    source: `${url.protocol}//${url.host}${url.pathname}`,
    alerts: matchAlerts(series, alerts),
  };
}
