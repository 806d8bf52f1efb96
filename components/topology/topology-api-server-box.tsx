// biome-ignore-all lint/a11y/useSemanticElements: SVG has no semantic elements; ARIA roles are the only way to structure it.
// biome-ignore-all lint/a11y/noInteractiveElementToNoninteractiveRole: Biome mistakes SVG <g> for an interactive element.
import type { Rect } from "@/lib/topology/layout-topology";
import type { ApiServerView } from "@/lib/topology/topology-view";

/** One kube-apiserver: how many etcd members it can reach, flagged when one loss cuts it off. */
export function TopologyApiServerBox({
  rect,
  apiServer,
  riskText,
  cutOff,
  failing,
}: {
  rect: Rect;
  apiServer: ApiServerView;
  riskText: string | null;
  /** Every member its endpoints reach is unreachable now. */
  cutOff: boolean;
  failing: boolean;
}) {
  const n = apiServer.memberIds.length;
  const endpoints = `${n} etcd member${n === 1 ? "" : "s"}`;
  const label = `API server ${apiServer.name}: ${endpoints}${riskText ? `; at risk: ${riskText}` : ""}${cutOff ? "; cut off: no etcd member it lists answers" : ""}${failing ? "; down in the what-if" : ""}`;
  const tone = cutOff
    ? "fill-red-50 stroke-red-600 dark:fill-red-950 dark:stroke-red-400"
    : riskText
      ? "fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400"
      : "fill-indigo-50 stroke-indigo-400 dark:fill-indigo-950 dark:stroke-indigo-400";
  return (
    <g role="group" aria-label={label} data-risk={riskText ? "true" : "false"}>
      <title>{label}</title>
      <rect {...rect} rx={5} strokeWidth={riskText || cutOff ? 2 : 1} className={tone} />
      {failing && <rect {...rect} rx={5} fill="url(#what-if-hatch)" className="stroke-none" />}
      <text
        x={rect.x + 8}
        y={rect.y + 15}
        className="fill-slate-900 text-xs font-semibold dark:fill-slate-100"
      >
        {apiServer.name.length > 26 ? `${apiServer.name.slice(0, 25)}…` : apiServer.name}
      </text>
      <text
        x={rect.x + 8}
        y={rect.y + 29}
        className={`text-[11px] ${cutOff ? "fill-red-700 font-semibold dark:fill-red-300" : riskText ? "fill-amber-800 font-semibold dark:fill-amber-300" : "fill-slate-600 dark:fill-slate-300"}`}
      >
        {cutOff
          ? "✖ no etcd answers"
          : riskText
            ? `⚠ ${endpoints} only`
            : `kube-apiserver → ${endpoints}`}
      </text>
    </g>
  );
}
