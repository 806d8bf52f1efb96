"use client";

import { useQuery } from "@tanstack/react-query";
import { CopyCommand } from "@/components/diagnosis/copy-command";
import { PanelFrame } from "@/components/diagnosis/panel-frame";
import type { DefragAdvice } from "@/lib/defrag/defrag-advice";
import { formatBytes } from "@/lib/format/format-bytes";
import { diagnosisQueries } from "@/lib/queries/diagnosis-queries";
import { lastDefragText } from "./last-defrag-text";

const stateStyle = {
  up: "",
  defragmenting: "text-amber-800 dark:text-amber-300",
  down: "text-red-700 dark:text-red-300",
} as const;

function MemberRows({ advice }: { advice: DefragAdvice }) {
  return (
    <table className="mt-2 w-full text-sm">
      <thead>
        <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
          <th scope="col">Member</th>
          <th scope="col">State</th>
          <th scope="col">Reclaimable</th>
          <th scope="col">Fragmentation</th>
          <th scope="col">Last defragmentation</th>
        </tr>
      </thead>
      <tbody>
        {advice.members.map((m) => (
          <tr key={m.id} className="border-t border-slate-200 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 text-left font-medium">
              {m.name}{" "}
              <span className="font-normal text-slate-600 dark:text-slate-300">({m.role})</span>
            </th>
            <td className={`py-1 pr-3 ${stateStyle[m.state]}`}>{m.state}</td>
            <td className="py-1 pr-3">
              {m.reclaimableBytes === null ? "—" : formatBytes(m.reclaimableBytes)}
            </td>
            <td className="py-1 pr-3">
              {m.fragmentationPercent === null ? "—" : `${m.fragmentationPercent.toFixed(0)} %`}
            </td>
            <td className="py-1">{lastDefragText(m.lastDefrag)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Defragmentation advice: what each member would give back, and a plan of one member at a
 * time, followers first and the leader last, with the commands to run. Raftscope never runs them.
 */
export function DefragPanel({ clusterId }: { clusterId: string }) {
  const advice = useQuery(diagnosisQueries.defrag(clusterId));
  return (
    <PanelFrame id="defrag" title="Defragmentation advice">
      {advice.data ? (
        <>
          <p className="mt-1 text-sm">
            {formatBytes(advice.data.totalReclaimableBytes)} reclaimable in total. Raftscope only
            advises; it never defragments.
          </p>
          <MemberRows advice={advice.data} />
          {advice.data.warnings.length > 0 ? (
            <ul aria-label="Defragmentation warnings" className="mt-2 text-sm">
              {advice.data.warnings.map((w) => (
                <li
                  key={`${w.code}-${w.memberId ?? ""}`}
                  className="text-amber-800 dark:text-amber-300"
                >
                  {w.message}
                </li>
              ))}
            </ul>
          ) : null}
          <h3 className="mt-3 text-sm font-semibold">Plan, one member at a time</h3>
          {advice.data.skipped.length > 0 ? (
            <ul aria-label="Members not worth defragmenting" className="mt-1 text-sm">
              {advice.data.skipped.map((s) => (
                <li key={s.memberId}>{s.message}</li>
              ))}
            </ul>
          ) : null}
          {advice.data.plan.length === 0 && advice.data.skipped.length > 0 ? (
            <p className="mt-1 text-sm text-emerald-800 dark:text-emerald-300">
              No member has enough to give back to be worth its pause.
            </p>
          ) : null}
          <ol className="mt-1 flex list-decimal flex-col gap-2 pl-5 text-sm">
            {advice.data.plan.map((step) => (
              <li key={step.memberId}>
                <span
                  className={step.canLoseMeanwhile <= 0 ? "text-amber-800 dark:text-amber-300" : ""}
                >
                  {step.summary}
                </span>
                <CopyCommand command={step.command} label={`Copy the command for ${step.name}`} />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p role="status" className="mt-1 text-sm">
          {advice.isError ? `Cannot read the advice: ${advice.error.message}` : "Reading sizes…"}
        </p>
      )}
    </PanelFrame>
  );
}
