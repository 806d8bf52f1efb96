import { byMemberName } from "@/components/members/by-member-name";
import type { MemberView } from "@/lib/health/cluster-health";
import type { TopologyView } from "@/lib/topology/topology-view";
import { type FailSelection, toggleName } from "@/lib/what-if/fail-selection";

function roleNote(m: MemberView): string {
  const parts: string[] = [];
  if (m.role !== "follower") parts.push(m.role);
  if (!m.reachable) parts.push("already down");
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** Checkboxes for the members, and in a stacked topology the nodes, to mark as failed. */
export function WhatIfPicker({
  members,
  view,
  selection,
  onChange,
}: {
  members: readonly MemberView[];
  view: TopologyView;
  selection: FailSelection;
  onChange: (next: FailSelection) => void;
}) {
  const nodes = view.mode === "stacked" ? view.nodes.filter((n) => n.declared) : [];
  const box = "size-4 accent-slate-700 dark:accent-slate-300";
  return (
    <div className="flex flex-col gap-3">
      <fieldset>
        <legend className="text-sm font-semibold">Members to fail</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {[...members].sort(byMemberName).map((m) => (
            <label key={m.id} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className={box}
                checked={selection.members.includes(m.name)}
                onChange={() =>
                  onChange({ ...selection, members: toggleName(selection.members, m.name) })
                }
              />
              {m.name}
              <span className="text-slate-500 dark:text-slate-400">{roleNote(m)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {nodes.length > 0 && (
        <fieldset>
          <legend className="text-sm font-semibold">
            Whole nodes to fail (etcd and API server together)
          </legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {nodes.map((n) => (
              <label key={n.name} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className={box}
                  checked={selection.nodes.includes(n.name)}
                  onChange={() =>
                    onChange({ ...selection, nodes: toggleName(selection.nodes, n.name) })
                  }
                />
                {n.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
