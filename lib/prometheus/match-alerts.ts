import type { PrometheusAlertView } from "./prometheus-alert-view";

/** Label sets compared as Prometheus does: same names, same values. */
function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const ak = Object.keys(a);
  return ak.length === Object.keys(b).length && ak.every((k) => a[k] === b[k]);
}

/**
 * The cluster's alerts: the `ALERTS{<selector>}` series pick which alerts belong to the cluster
 * (PromQL matching, regexes included), and /api/v1/alerts adds what the series lack (annotations,
 * activeAt). Firing first, then by name. An alert whose labels dropped the selector's labels
 * (an aggregation `by (job)` keeps `job` but loses `instance`) cannot be matched, and is absent.
 */
export function matchAlerts(
  series: readonly { labels: Record<string, string> }[],
  alerts: readonly {
    labels: Record<string, string>;
    annotations: Record<string, string>;
    state: string;
    activeAt?: string | undefined;
  }[],
): PrometheusAlertView[] {
  const out: PrometheusAlertView[] = [];
  for (const s of series) {
    const { __name__: _name, alertstate, ...labels } = s.labels;
    if (alertstate !== "firing" && alertstate !== "pending") continue;
    const found = alerts.find((a) => sameLabels(a.labels, labels));
    const annotations = found?.annotations ?? {};
    out.push({
      name: labels.alertname ?? "",
      state: alertstate,
      severity: labels.severity ?? null,
      activeAt: found?.activeAt ?? null,
      summary: annotations.summary ?? annotations.description ?? annotations.message ?? null,
      labels,
    });
  }
  return out.sort(
    (a, b) =>
      Number(a.state === "pending") - Number(b.state === "pending") || a.name.localeCompare(b.name),
  );
}
