"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type AlertResult, type AlertState, evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import type { MemberView } from "@/lib/health/cluster-health";
import { thresholds } from "@/lib/health/thresholds";
import { dashboardQueries } from "@/lib/queries/dashboard-queries";
import { AlertRow } from "./alert-row";

const order: Record<AlertState, number> = { firing: 0, pending: 1, "no-data": 2, ok: 3 };
const severityOrder = { critical: 0, warning: 1 };

function byUrgency(a: AlertResult, b: AlertResult): number {
  return (
    order[a.state] - order[b.state] ||
    severityOrder[a.rule.severity] - severityOrder[b.rule.severity]
  );
}

const table = "w-full text-sm";

/** etcd's alert rules evaluated on the last hour: firing and pending first, the rest folded. */
export function AlertsPanel({
  clusterId,
  members,
}: {
  clusterId: string;
  members: readonly MemberView[];
}) {
  const { data, error, isPending } = useQuery(dashboardQueries.alertHistory(clusterId));
  const voterIds = useMemo(
    () => members.filter((m) => m.role !== "learner").map((m) => m.id),
    [members],
  );
  const results = useMemo(
    () =>
      data
        ? evaluateAlerts({
            points: data.points,
            voterIds,
            defaultQuotaBytes: thresholds.defaultQuotaBackendBytes,
          }).sort(byUrgency)
        : [],
    [data, voterIds],
  );
  const names = new Map(members.map((m) => [m.id, m.name]));
  const memberName = (id: string) => names.get(id) ?? id;
  const active = results.filter((r) => r.state === "firing" || r.state === "pending");
  const quiet = results.filter((r) => r.state !== "firing" && r.state !== "pending");
  const firing = results.filter((r) => r.state === "firing").length;
  return (
    <section
      aria-labelledby="alerts-heading"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="alerts-heading" className="text-base font-semibold">
        etcd alert rules
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">
          {data ? `${firing} firing, ${active.length - firing} pending of ${results.length}` : ""}
        </span>
      </h2>
      {isPending && <p role="status">Evaluating the last hour…</p>}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Cannot evaluate the alert rules: {error.message}
        </p>
      )}
      {data && active.length === 0 && (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          No rule is firing or pending.
        </p>
      )}
      {active.length > 0 && (
        <table className={table} aria-label="Firing and pending alert rules">
          <tbody>
            {active.map((r) => (
              <AlertRow
                key={`${r.rule.name}-${r.rule.severity}`}
                result={r}
                memberName={memberName}
              />
            ))}
          </tbody>
        </table>
      )}
      {quiet.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-slate-600 dark:text-slate-300">
            {quiet.length} rules not firing
          </summary>
          <table className={table} aria-label="Alert rules not firing">
            <tbody>
              {quiet.map((r) => (
                <AlertRow
                  key={`${r.rule.name}-${r.rule.severity}`}
                  result={r}
                  memberName={memberName}
                />
              ))}
            </tbody>
          </table>
        </details>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Rules and thresholds of the etcd mixin, evaluated in the browser on Raftscope's one-hour
        history.
      </p>
    </section>
  );
}
