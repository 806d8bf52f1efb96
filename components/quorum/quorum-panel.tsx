"use client";

import type { ClusterHealth } from "@/lib/health/cluster-health";
import type { TopologyView } from "@/lib/topology/topology-view";
import { evaluateWhatIf, type WhatIfVerdict } from "@/lib/what-if/evaluate-what-if";
import type { FailSelection } from "@/lib/what-if/fail-selection";
import type { FailureImpact } from "@/lib/what-if/resolve-failures";
import { whatIfText } from "@/lib/what-if/what-if-text";
import { QuorumMeter } from "./quorum-meter";
import { WhatIfPicker } from "./what-if-picker";

const verdictTone = {
  holds:
    "border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100",
  edge: "border-orange-500 bg-orange-50 text-orange-950 dark:bg-orange-950 dark:text-orange-100",
  lost: "border-red-600 bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-100",
};

function toneOf(v: WhatIfVerdict): keyof typeof verdictTone {
  if (!v.quorumHolds) return "lost";
  return v.quorum.remaining === 0 ? "edge" : "holds";
}

/** Quorum now, and what it would be if the selected members or nodes failed. */
export function QuorumPanel({
  health,
  view,
  selection,
  impact,
  onSelectionChange,
}: {
  health: ClusterHealth;
  view: TopologyView;
  selection: FailSelection;
  impact: FailureImpact;
  onSelectionChange: (next: FailSelection) => void;
}) {
  const verdict = evaluateWhatIf(health.members, impact.failedMemberIds);
  const text = whatIfText(verdict, impact);
  const empty = selection.members.length === 0 && selection.nodes.length === 0;
  return (
    <section
      aria-labelledby="quorum-heading"
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="quorum-heading" className="text-base font-semibold">
        Quorum and what-if
      </h2>
      <QuorumMeter
        members={health.members}
        failing={impact.failedMemberIds}
        size={verdict.quorum.size}
      />
      <WhatIfPicker
        members={health.members}
        view={view}
        selection={selection}
        onChange={onSelectionChange}
      />
      <div
        role="status"
        aria-label="What-if verdict"
        className={`rounded-md border-l-4 px-3 py-2 ${empty ? "border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-300" : verdictTone[toneOf(verdict)]}`}
      >
        {empty ? (
          <p className="text-sm">
            Select members or nodes to see whether quorum would hold and writes would work.
          </p>
        ) : (
          <>
            <p className="font-semibold">{text.headline}</p>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {text.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {!empty && (
        <button
          type="button"
          onClick={() => onSelectionChange({ members: [], nodes: [] })}
          className="self-start rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Clear what-if
        </button>
      )}
    </section>
  );
}
