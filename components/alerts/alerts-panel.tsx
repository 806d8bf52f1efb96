"use client";

import type { ClusterAlerts, RuleState, RuleView } from "@/lib/alerts/alerts-view";
import type { MemberView } from "@/lib/health/cluster-health";
import { AlertRow } from "./alert-row";

const order: Record<RuleState, number> = { firing: 0, pending: 1, "no-data": 2, ok: 3 };
const severityOrder = { critical: 0, warning: 1 };

function byUrgency(a: RuleView, b: RuleView): number {
  return order[a.state] - order[b.state] || severityOrder[a.severity] - severityOrder[b.severity];
}

const table = "w-full text-sm";

/**
 * The etcd mixin's alert rules as the server evaluates them on every scrape: firing and
 * pending first, the rest folded. The page only shows the state; it never computes it.
 */
export function AlertsPanel({
  alerts,
  error,
  members,
}: {
  alerts: ClusterAlerts | undefined;
  error: Error | null;
  members: readonly MemberView[];
}) {
  const rules = alerts ? [...alerts.rules].sort(byUrgency) : [];
  const names = new Map(members.map((m) => [m.id, m.name]));
  const memberName = (id: string) => names.get(id) ?? id;
  const active = rules.filter((r) => r.state === "firing" || r.state === "pending");
  const quiet = rules.filter((r) => r.state !== "firing" && r.state !== "pending");
  const firing = rules.filter((r) => r.state === "firing").length;
  const evaluatedAt = alerts?.evaluatedAt ?? null;
  const row = (r: RuleView) => (
    <AlertRow
      key={`${r.name}-${r.severity}`}
      rule={r}
      evaluatedAt={evaluatedAt}
      memberName={memberName}
    />
  );
  return (
    <section
      aria-labelledby="alerts-heading"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="alerts-heading" className="text-base font-semibold">
        etcd alert rules
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">
          {evaluatedAt
            ? `${firing} firing, ${active.length - firing} pending of ${rules.length}`
            : ""}
        </span>
      </h2>
      {!alerts && !error && <p role="status">Reading the alert rules…</p>}
      {alerts && !evaluatedAt && <p role="status">The server has not evaluated the rules yet.</p>}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Cannot read the alert rules: {error.message}
        </p>
      )}
      {evaluatedAt && active.length === 0 && (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          No rule is firing or pending.
        </p>
      )}
      {active.length > 0 && (
        <table className={table} aria-label="Firing and pending alert rules">
          <tbody>{active.map(row)}</tbody>
        </table>
      )}
      {quiet.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-slate-600 dark:text-slate-300">
            {quiet.length} rules not firing
          </summary>
          <table className={table} aria-label="Alert rules not firing">
            <tbody>{quiet.map(row)}</tbody>
          </table>
        </details>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The etcd mixin's rules and thresholds, computed on the server from every scrape of every
        member as Prometheus computes their PromQL, with pending and firing as Prometheus keeps
        them. A rule's for: duration is counted from the server's start at the earliest.
      </p>
    </section>
  );
}
