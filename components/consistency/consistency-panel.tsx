"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PanelFrame } from "@/components/diagnosis/panel-frame";
import type { ConsistencyReport } from "@/lib/consistency/consistency-report";
import { formatClock } from "@/lib/format/format-clock";
import { compactRevisionText } from "@/lib/format/format-compact-revision";
import { diagnosisQueries, runConsistencyCheck } from "@/lib/queries/diagnosis-queries";

const outcomeText: Record<ConsistencyReport["outcome"], string> = {
  consistent: "Every member's copy is the same",
  inconsistent: "Members' copies differ",
  inconclusive: "Not decided",
  skipped: "Not run",
  never: "Not checked yet",
};

function Members({ report }: { report: ConsistencyReport }) {
  return (
    <table className="mt-2 w-full text-sm">
      <thead>
        <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
          <th scope="col">Member</th>
          <th scope="col">Hash</th>
          <th scope="col">Compact revision</th>
          <th scope="col">Duration</th>
        </tr>
      </thead>
      <tbody>
        {report.members.map((m) => (
          <tr key={m.id} className="border-t border-slate-200 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 text-left font-medium">
              {m.name}
            </th>
            <td className="py-1 pr-3 font-mono text-xs">{m.hash ?? m.error ?? "—"}</td>
            <td className="py-1 pr-3">{compactRevisionText(m.compactRevision)}</td>
            <td className="py-1">
              {m.durationMs === null ? "—" : `${m.durationMs.toFixed(0)} ms`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** HashKV on every voter at one pinned revision: the latest comparison and a button for one now. */
export function ConsistencyPanel({ clusterId }: { clusterId: string }) {
  const queryClient = useQueryClient();
  const options = diagnosisQueries.consistency(clusterId);
  const report = useQuery(options);
  const run = useMutation({
    mutationFn: () => runConsistencyCheck(clusterId),
    onSuccess: (r) => queryClient.setQueryData(options.queryKey, r),
  });
  const r = report.data;
  const bad = r?.outcome === "inconsistent";
  return (
    <PanelFrame id="consistency" title="Consistency across members">
      {r ? (
        <>
          <p
            role={bad ? "alert" : undefined}
            className={`mt-1 text-sm font-semibold ${bad ? "text-red-700 dark:text-red-300" : r.outcome === "consistent" ? "text-emerald-800 dark:text-emerald-300" : ""}`}
          >
            {outcomeText[r.outcome]}
            {r.revision !== null ? ` at revision ${r.revision}` : ""}
            {r.checkedAt ? ` (${formatClock(Date.parse(r.checkedAt))})` : ""}
          </p>
          {r.reason ? <p className="mt-1 text-sm">{r.reason}</p> : null}
          {r.members.length > 0 ? <Members report={r} /> : null}
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
            {r.nextCheckAt
              ? `Next periodic check ${formatClock(Date.parse(r.nextCheckAt))}.`
              : "Periodic checks are off."}{" "}
            HashKV reads each member's whole key bucket; members are hashed one at a time.
          </p>
        </>
      ) : (
        <p role="status" className="mt-1 text-sm">
          {report.isError ? `Cannot read the last check: ${report.error.message}` : "Reading…"}
        </p>
      )}
      <button
        type="button"
        disabled={run.isPending || r?.running}
        onClick={() => run.mutate()}
        className="mt-2 rounded-md border border-slate-300 px-3 py-1 text-sm disabled:opacity-60 dark:border-slate-700"
      >
        {run.isPending || r?.running ? "Checking…" : "Check now"}
      </button>
      {run.isError ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          {run.error.message}
        </p>
      ) : null}
    </PanelFrame>
  );
}
