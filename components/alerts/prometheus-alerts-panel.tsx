"use client";

import { useQuery } from "@tanstack/react-query";
import { formatAge } from "@/lib/format/format-age";
import type { PrometheusAlertView } from "@/lib/prometheus/prometheus-alert-view";
import { dashboardQueries } from "@/lib/queries/dashboard-queries";

const stateStyle: Record<PrometheusAlertView["state"], string> = {
  firing: "bg-red-600 text-white",
  pending: "bg-amber-400 text-amber-950",
};

/** Labels worth showing beside the alert's name: not the name, severity or the state. */
function extraLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .filter(([k]) => k !== "alertname" && k !== "severity")
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ");
}

/** The alerts the operator's own Prometheus holds for this cluster, as it evaluates them. */
export function PrometheusAlertsPanel({ clusterId }: { clusterId: string }) {
  const { data, error, isPending } = useQuery(dashboardQueries.prometheusAlerts(clusterId));
  const firing = data?.alerts.filter((a) => a.state === "firing").length ?? 0;
  return (
    <section
      aria-labelledby="prometheus-alerts-heading"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="prometheus-alerts-heading" className="text-base font-semibold">
        Alerts in Prometheus
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">
          {data ? `${firing} firing, ${data.alerts.length - firing} pending` : ""}
        </span>
      </h2>
      {isPending && <p role="status">Asking Prometheus…</p>}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Cannot read Prometheus' alerts: {error.message}
        </p>
      )}
      {data && data.alerts.length === 0 && (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          Prometheus has no alert firing or pending for this cluster.
        </p>
      )}
      {data && data.alerts.length > 0 && (
        <table className="w-full text-sm" aria-label="Alerts firing and pending in Prometheus">
          <tbody>
            {data.alerts.map((a) => (
              <tr
                key={JSON.stringify(a.labels)}
                data-state={a.state}
                className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800"
              >
                <td className="py-1.5 pr-2">
                  <span
                    className={`inline-block w-16 rounded px-1.5 py-0.5 text-center text-xs font-semibold ${stateStyle[a.state]}`}
                  >
                    {a.state === "firing" ? "Firing" : "Pending"}
                  </span>
                </td>
                <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                  {a.name}
                  {a.severity && (
                    <span
                      className={`ml-1.5 text-xs ${a.severity === "critical" ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}`}
                    >
                      {a.severity}
                    </span>
                  )}
                  {a.summary && (
                    <div className="text-xs font-normal text-slate-600 dark:text-slate-300">
                      {a.summary}
                    </div>
                  )}
                  <div className="text-xs font-normal text-slate-500 dark:text-slate-400">
                    {extraLabels(a.labels)}
                  </div>
                </th>
                <td className="py-1.5 text-right text-xs text-slate-600 tabular-nums dark:text-slate-300">
                  {a.activeAt ? (
                    <time dateTime={a.activeAt}>
                      active {formatAge(Date.now() - Date.parse(a.activeAt))}
                    </time>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        As evaluated by {data?.source ?? "the cluster's Prometheus"}, with its own rules and
        thresholds.
      </p>
    </section>
  );
}
