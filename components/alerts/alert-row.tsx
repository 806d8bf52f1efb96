import type { AlertResult, AlertState } from "@/lib/alerts/evaluate-alerts";
import { formatSeconds } from "@/lib/format/format-seconds";
import { formatValue } from "@/lib/format/format-value";

const stateStyle: Record<AlertState, string> = {
  firing: "bg-red-600 text-white",
  pending: "bg-amber-400 text-amber-950",
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  "no-data": "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
};

const stateLabel: Record<AlertState, string> = {
  firing: "Firing",
  pending: "Pending",
  ok: "OK",
  "no-data": "No data",
};

/** One alert rule: its state, its value now (and whose), how long it has held, and a runbook. */
export function AlertRow({
  result,
  memberName,
}: {
  result: AlertResult;
  memberName: (id: string) => string;
}) {
  const { rule, state, current } = result;
  const held =
    state === "pending" && result.activeForMs !== null
      ? ` for ${formatSeconds(result.activeForMs / 1000)} of ${formatSeconds(rule.forMs / 1000)}`
      : "";
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
        <div className="text-xs font-normal text-slate-500 dark:text-slate-400" title={rule.note}>
          {rule.condition}, for {formatSeconds(rule.forMs / 1000)}
        </div>
      </th>
      <td className="py-1.5 pr-2 text-sm tabular-nums">
        {current ? formatValue(current.value, rule.unit) : "—"}
        {current?.memberId && (
          <span className="text-slate-500 dark:text-slate-400">
            {" "}
            on {memberName(current.memberId)}
          </span>
        )}
        {held && <div className="text-xs text-slate-500 dark:text-slate-400">held{held}</div>}
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
