import type { RuleState, RuleView } from "@/lib/alerts/alerts-view";
import { describeLabels } from "@/lib/alerts/describe-labels";
import { formatSeconds } from "@/lib/format/format-seconds";
import { formatValue } from "@/lib/format/format-value";

const stateStyle: Record<RuleState, string> = {
  firing: "bg-red-600 text-white",
  pending: "bg-amber-400 text-amber-950",
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  "no-data": "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
};

const stateLabel: Record<RuleState, string> = {
  firing: "Firing",
  pending: "Pending",
  ok: "OK",
  "no-data": "No data",
};

/**
 * One alert rule as the server judged it: its state, its worst value now (and where), how long
 * a pending alert has held of its `for:`, the other alerts it raised, and a runbook.
 */
export function AlertRow({
  rule,
  evaluatedAt,
  memberName,
}: {
  rule: RuleView;
  evaluatedAt: string | null;
  memberName: (id: string) => string;
}) {
  const { state, worst } = rule;
  const pendingSince = rule.alerts
    .filter((a) => a.state === "pending")
    .map((a) => Date.parse(a.activeAt))
    .sort((a, b) => a - b)[0];
  const heldMs =
    state === "pending" && pendingSince !== undefined && evaluatedAt
      ? Date.parse(evaluatedAt) - pendingSince
      : null;
  const where = worst ? describeLabels(worst.labels, memberName) : "";
  const others = rule.alerts.length > 1 ? rule.alerts.length - 1 : 0;
  return (
    <tr
      data-state={state}
      className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800"
    >
      <td className="py-1.5 pr-2">
        <span
          className={`inline-block w-16 rounded px-1.5 py-0.5 text-center text-xs font-semibold ${stateStyle[state]}`}
        >
          {stateLabel[state]}
        </span>
      </td>
      <th scope="row" className="py-1.5 pr-2 text-left font-medium">
        {rule.name}
        <span
          className={`ml-1.5 text-xs ${rule.severity === "critical" ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}`}
        >
          {rule.severity}
        </span>
        <div
          className="text-xs font-normal text-slate-500 dark:text-slate-400"
          title={`The etcd mixin's PromQL, computed by Raftscope from every scrape: ${rule.expr}`}
        >
          {rule.condition}, for {formatSeconds(rule.forMs / 1000)}
        </div>
      </th>
      <td className="py-1.5 pr-2 text-sm tabular-nums">
        {worst ? formatValue(worst.value, rule.unit) : "—"}
        {where && <span className="text-slate-500 dark:text-slate-400"> {where}</span>}
        {heldMs !== null && (
          <div className="text-xs text-slate-500 dark:text-slate-400">
            held for {formatSeconds(heldMs / 1000)} of {formatSeconds(rule.forMs / 1000)}
          </div>
        )}
        {others > 0 && (
          <div className="text-xs text-slate-500 dark:text-slate-400">
            and {others} more {others === 1 ? "alert" : "alerts"}
          </div>
        )}
      </td>
      <td className="py-1.5 text-sm">
        <a
          href={rule.runbookUrl}
          target="_blank"
          rel="noreferrer"
          aria-label={`Runbook for ${rule.name} (${rule.severity})`}
          className="text-blue-700 underline dark:text-blue-300"
        >
          Runbook
        </a>
      </td>
    </tr>
  );
}
