// biome-ignore-all lint/a11y/useSemanticElements: SVG has no semantic elements; ARIA roles are the only way to structure it.
// biome-ignore-all lint/a11y/noInteractiveElementToNoninteractiveRole: Biome mistakes SVG <g> for an interactive element.
// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: SVG <g> is not focusable.
import { formatSeconds } from "@/lib/format/format-seconds";
import type { HealthWarning, MemberView } from "@/lib/health/cluster-health";
import type { TopologyLayout } from "@/lib/topology/layout-topology";
import { linkRoundTrip } from "@/lib/topology/link-round-trip";
import { memberCondition } from "@/lib/topology/member-condition";
import type { TopologyView } from "@/lib/topology/topology-view";
import { TopologyApiServerBox } from "./topology-api-server-box";
import { TopologyMemberBox } from "./topology-member-box";

export interface WhatIfMarks {
  memberIds: ReadonlySet<string>;
  nodes: ReadonlySet<string>;
  apiServers: ReadonlySet<string>;
}

/**
 * The SVG: nodes with their members and API servers, lines from API servers to the members
 * their --etcd-servers reach, and peer links with round-trip times underneath. Every shape an
 * operator reads has its words as text and an accessible name.
 */
export function TopologyDiagram({
  view,
  layout,
  members,
  warnings,
  roundTrips,
  riskTexts,
  whatIf,
}: {
  view: TopologyView;
  layout: TopologyLayout;
  members: readonly MemberView[];
  warnings: readonly HealthWarning[];
  roundTrips: ReadonlyMap<string, number>;
  riskTexts: ReadonlyMap<string, string>;
  whatIf: WhatIfMarks;
}) {
  const byId = new Map(members.map((m) => [m.id, m]));
  const apiById = new Map(view.apiServers.map((a) => [a.name, a]));
  const nodeView = new Map(view.nodes.map((n) => [n.name, n]));
  const down = (id: string) => !byId.get(id)?.reachable || whatIf.memberIds.has(id);
  const nodeNoun = view.mode === "stacked" ? "Control-plane nodes" : "etcd nodes";
  const cutOff = (name: string) => {
    const ids = apiById.get(name)?.memberIds ?? [];
    return ids.length > 0 && ids.every((id) => !byId.get(id)?.reachable);
  };

  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="h-auto w-full"
      style={{ maxHeight: 520 }}
      role="group"
      aria-label="Topology diagram"
    >
      <defs>
        <pattern
          id="what-if-hatch"
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="8" height="8" className="fill-slate-500/10" />
          <line x1="0" y1="0" x2="0" y2="8" strokeWidth="3" className="stroke-slate-500/50" />
        </pattern>
      </defs>

      <g aria-hidden="true">
        {layout.peerLinks.map((l) => {
          const rtt = linkRoundTrip(
            byId.get(l.a)?.peerRoundTripsSeconds,
            byId.get(l.b)?.peerRoundTripsSeconds,
            l.a,
            l.b,
            roundTrips.get(l.a),
            roundTrips.get(l.b),
          );
          const broken = down(l.a) || down(l.b);
          return (
            <g key={`${l.a}-${l.b}`}>
              <path
                d={l.d}
                fill="none"
                strokeWidth={1.5}
                strokeDasharray={broken ? "4 4" : undefined}
                className={
                  broken
                    ? "stroke-red-400 dark:stroke-red-500"
                    : "stroke-slate-300 dark:stroke-slate-600"
                }
              />
              {rtt !== undefined && !broken && (
                <text
                  x={l.labelX}
                  y={l.labelY + 4}
                  textAnchor="middle"
                  paintOrder="stroke"
                  strokeWidth={4}
                  className="fill-slate-600 stroke-white text-[11px] dark:fill-slate-300 dark:stroke-slate-900"
                >
                  {rtt.kind === "bound" ? "≤ " : ""}
                  {formatSeconds(rtt.seconds)}
                </text>
              )}
            </g>
          );
        })}
        {layout.apiLinks.map((l) => (
          <line
            key={`${l.apiServer}-${l.memberId}`}
            x1={l.x1}
            y1={l.y1}
            x2={l.x2}
            y2={l.y2}
            strokeWidth={1.5}
            strokeDasharray={down(l.memberId) ? "4 4" : undefined}
            className={
              down(l.memberId)
                ? "stroke-red-400 dark:stroke-red-500"
                : "stroke-indigo-300 dark:stroke-indigo-500"
            }
          />
        ))}
      </g>

      {layout.apiTier.length > 0 && (
        <g role="list" aria-label="API servers">
          {layout.apiTier.map((a) => {
            const api = apiById.get(a.name);
            return api ? (
              <g role="listitem" key={a.name}>
                <TopologyApiServerBox
                  rect={a.rect}
                  apiServer={api}
                  riskText={riskTexts.get(a.name) ?? null}
                  cutOff={cutOff(a.name)}
                  failing={whatIf.apiServers.has(a.name)}
                />
              </g>
            ) : null;
          })}
        </g>
      )}

      <g role="list" aria-label={nodeNoun}>
        {layout.nodes.map((n) => {
          const node = nodeView.get(n.name);
          const member = n.member.memberId ? byId.get(n.member.memberId) : undefined;
          const nodeFails = whatIf.nodes.has(n.name);
          return (
            <g
              role="listitem"
              key={n.name}
              aria-label={`Node ${n.name}${nodeFails ? ", failing in the what-if" : ""}`}
            >
              <rect
                {...n.rect}
                rx={8}
                strokeDasharray={node?.declared === false ? "6 4" : undefined}
                className="fill-slate-100 stroke-slate-300 dark:fill-slate-800/60 dark:stroke-slate-600"
              />
              {nodeFails && <rect {...n.rect} rx={8} fill="url(#what-if-hatch)" />}
              <text
                x={n.rect.x + 10}
                y={n.rect.y + 19}
                className="fill-slate-700 text-xs font-semibold dark:fill-slate-200"
              >
                {n.name}
                <tspan dx={6} className="fill-slate-500 font-normal dark:fill-slate-400">
                  {node?.declared === false ? "(not declared)" : (node?.address ?? "")}
                </tspan>
              </text>
              {n.apiServers.map((a) => {
                const api = apiById.get(a.name);
                return api ? (
                  <TopologyApiServerBox
                    key={a.name}
                    rect={a.rect}
                    apiServer={api}
                    riskText={riskTexts.get(a.name) ?? null}
                    cutOff={cutOff(a.name)}
                    failing={nodeFails || whatIf.apiServers.has(a.name)}
                  />
                ) : null;
              })}
              {n.chips.map((c) => (
                <g key={c.label}>
                  <rect
                    {...c.rect}
                    rx={11}
                    className="fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600"
                  />
                  <text
                    x={c.rect.x + c.rect.width / 2}
                    y={c.rect.y + 15}
                    textAnchor="middle"
                    className="fill-slate-600 text-[11px] dark:fill-slate-300"
                  >
                    {c.label}
                  </text>
                </g>
              ))}
              <TopologyMemberBox
                rect={n.member.rect}
                member={member}
                condition={member ? memberCondition(member, warnings) : { kind: "ok" }}
                missingName={node?.missingMember ?? null}
                failing={nodeFails || (member ? whatIf.memberIds.has(member.id) : false)}
              />
            </g>
          );
        })}
      </g>
    </svg>
  );
}
