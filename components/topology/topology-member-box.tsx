// biome-ignore-all lint/a11y/useSemanticElements: SVG has no semantic elements; ARIA roles are the only way to structure it.
// biome-ignore-all lint/a11y/noInteractiveElementToNoninteractiveRole: Biome mistakes SVG <g> for an interactive element.
import type { MemberView } from "@/lib/health/cluster-health";
import type { Rect } from "@/lib/topology/layout-topology";
import { conditionText, type MemberCondition } from "@/lib/topology/member-condition";

const boxTone = {
  ok: "fill-white stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500",
  degraded: "fill-amber-50 stroke-amber-500 dark:fill-amber-950 dark:stroke-amber-400",
  unreachable: "fill-red-50 stroke-red-600 dark:fill-red-950 dark:stroke-red-400",
  unknown: "fill-slate-100 stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500",
} as const;

const stateTone = {
  ok: "fill-emerald-700 dark:fill-emerald-300",
  degraded: "fill-amber-800 dark:fill-amber-300",
  unreachable: "fill-red-700 dark:fill-red-300",
  unknown: "fill-slate-600 dark:fill-slate-300",
} as const;

/** One etcd member in the diagram: leader marked, learners dashed, red or amber by state. */
export function TopologyMemberBox({
  rect,
  member,
  condition,
  missingName,
  failing,
}: {
  rect: Rect;
  member: MemberView | undefined;
  condition: MemberCondition;
  /** The declared member's name when no live member matched the node. */
  missingName: string | null;
  /** Selected in the what-if. */
  failing: boolean;
}) {
  const x = rect.x + 10;
  if (!member) {
    return (
      <g
        role="group"
        aria-label={`etcd member ${missingName ?? "unknown"}: not found in the cluster`}
      >
        <rect {...rect} rx={6} strokeDasharray="4 3" className="fill-none stroke-slate-400" />
        <text
          x={x}
          y={rect.y + 24}
          className="fill-slate-600 text-sm font-semibold dark:fill-slate-300"
        >
          {missingName ?? "etcd"}
        </text>
        <text x={x} y={rect.y + 42} className="fill-slate-500 text-xs dark:fill-slate-400">
          not a member
        </text>
      </g>
    );
  }
  const role = member.role;
  const state = conditionText(condition);
  const label = `etcd member ${member.name}: ${role}, ${state}${failing ? ", failing in the what-if" : ""}`;
  return (
    <g role="group" aria-label={label} data-state={condition.kind} data-role={role}>
      <title>
        {condition.kind === "unreachable" ? `${member.name}: ${condition.reason}` : label}
      </title>
      <rect
        {...rect}
        rx={6}
        strokeWidth={role === "leader" ? 3 : 1.5}
        strokeDasharray={role === "learner" || condition.kind === "unknown" ? "5 3" : undefined}
        className={
          role === "leader" && condition.kind === "ok"
            ? "fill-white stroke-blue-600 dark:fill-slate-800 dark:stroke-blue-400"
            : boxTone[condition.kind]
        }
      />
      {failing && <rect {...rect} rx={6} fill="url(#what-if-hatch)" className="stroke-none" />}
      <text
        x={x}
        y={rect.y + 20}
        className="fill-slate-900 text-sm font-semibold dark:fill-slate-100"
      >
        {member.name}
        {(role === "leader" || role === "learner") && (
          <tspan dx={8} className="fill-blue-700 text-xs font-bold dark:fill-blue-300">
            {role === "leader" ? "★ LEADER" : "LEARNER"}
          </tspan>
        )}
      </text>
      <text x={x} y={rect.y + 37} className={`text-xs font-medium ${stateTone[condition.kind]}`}>
        {state.length > 28 ? `${state.slice(0, 27)}…` : state}
      </text>
      <text x={x} y={rect.y + 52} className="fill-slate-500 text-[11px] dark:fill-slate-400">
        {failing
          ? "fails in what-if"
          : `etcd ${member.version ?? "?"} · term ${member.raftTerm ?? "—"}`}
      </text>
    </g>
  );
}
