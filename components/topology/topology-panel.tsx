"use client";

import { useMemo, useRef } from "react";
import { useElementWidth } from "@/components/charts/use-element-width";
import type { ClusterHealth } from "@/lib/health/cluster-health";
import { layoutTopology } from "@/lib/topology/layout-topology";
import type { TopologyView } from "@/lib/topology/topology-view";
import { worstRoundTrips } from "@/lib/topology/worst-round-trips";
import { apiServerRiskText } from "./api-server-risk-text";
import { topologyCaption } from "./topology-caption";
import { TopologyCompact } from "./topology-compact";
import { TopologyDiagram, type WhatIfMarks } from "./topology-diagram";
import { TopologyLegend } from "./topology-legend";

/**
 * The diagram's smallest 11 px text stays at 10 px or more down to this scale; below it the
 * figure shows the same facts as text cards instead (a phone at 390 px would draw 5 px text).
 */
const MIN_DIAGRAM_SCALE = 0.9;

/** The topology figure: caption, diagram, the API servers at risk in words, and the legend. */
export function TopologyPanel({
  view,
  health,
  whatIf,
}: {
  view: TopologyView;
  health: ClusterHealth;
  whatIf: WhatIfMarks;
}) {
  const layout = useMemo(() => layoutTopology(view), [view]);
  const roundTrips = useMemo(() => worstRoundTrips(health.members), [health.members]);
  const riskTexts = useMemo(
    () =>
      new Map(
        view.apiServers.flatMap((a) => {
          const text = apiServerRiskText(a, health.members);
          return text ? [[a.name, text] as const] : [];
        }),
      ),
    [view, health.members],
  );
  const caption = topologyCaption(view);
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef);
  const compact = width > 0 && width / layout.width < MIN_DIAGRAM_SCALE;
  return (
    <figure
      aria-label={caption}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <figcaption>
        <h2 className="text-base font-semibold">Topology</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">{caption}</p>
      </figcaption>
      <div ref={boxRef} data-layout={compact ? "compact" : "diagram"}>
        {compact ? (
          <TopologyCompact
            view={view}
            members={health.members}
            warnings={health.warnings}
            roundTrips={roundTrips}
            riskTexts={riskTexts}
            whatIf={whatIf}
          />
        ) : (
          <TopologyDiagram
            view={view}
            layout={layout}
            members={health.members}
            warnings={health.warnings}
            roundTrips={roundTrips}
            riskTexts={riskTexts}
            whatIf={whatIf}
          />
        )}
      </div>
      {riskTexts.size > 0 && (
        <ul className="text-sm text-amber-900 dark:text-amber-200">
          {[...riskTexts].map(([name, text]) => (
            <li key={name}>
              <span aria-hidden="true">⚠ </span>
              <strong>{name}</strong>: {text}.
            </li>
          ))}
        </ul>
      )}
      {!compact && <TopologyLegend />}
      {roundTrips.size > 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Peer links show the round-trip p99 each pair measured (the slower direction); "≤" marks an
          upper bound where a pair has not been measured yet: the smaller of both members' worst
          peer round trip.
        </p>
      )}
    </figure>
  );
}
