"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { byMemberName } from "@/components/members/by-member-name";
import { type HistoryWindow, isPrometheusWindow } from "@/lib/api/query-schemas";
import type { MemberView } from "@/lib/health/cluster-health";
import { thresholds } from "@/lib/health/thresholds";
import { dashboardQueries } from "@/lib/queries/dashboard-queries";
import { CLUSTER_LINE_ID, chartRows } from "./chart-rows";
import { chartSpecs } from "./chart-specs";
import { chartEmptyReason, memberGap } from "./empty-reason";
import { memberColors } from "./member-colors";
import { CHART_HEIGHT, MetricChart, Y_AXIS_WIDTH } from "./metric-chart";
import { quotaGuide } from "./quota-guide";
import { useElementWidth } from "./use-element-width";
import { WindowSelector } from "./window-selector";

/** A figure's padding and border around its plot. */
const FIGURE_CHROME = 26;

/** One point per plotted pixel, rounded so a small resize does not refetch. */
function pointsFor(chartWidth: number): number {
  const plot = chartWidth - Y_AXIS_WIDTH - 12;
  return Math.max(10, Math.min(3600, Math.round(plot / 10) * 10));
}

/** The live charts for the chosen window, drawn at the width the page gives them. */
export function HealthCharts({
  clusterId,
  members,
  window,
  onWindowChange,
  withPrometheus,
}: {
  clusterId: string;
  members: readonly MemberView[];
  window: HistoryWindow;
  onWindowChange: (next: HistoryWindow) => void;
  /** The cluster has a Prometheus source: offer its longer windows. */
  withPrometheus: boolean;
}) {
  const slot = useRef<HTMLDivElement>(null);
  const cellWidth = useElementWidth(slot);
  const chartWidth = Math.max(0, cellWidth - FIGURE_CHROME);
  const points = pointsFor(chartWidth);
  const { data, error, isPending } = useQuery({
    ...dashboardQueries.chartHistory(clusterId, window, points),
    enabled: chartWidth > 0,
  });

  const colors = useMemo(() => memberColors(members), [members]);
  const ordered = useMemo(() => [...members].sort(byMemberName), [members]);
  const charts = useMemo(() => {
    if (!data) return [];
    const ids = ordered.map((m) => m.id);
    return chartSpecs.map((spec) => {
      const first = spec.series[0];
      const guide = spec.quota
        ? quotaGuide(data.points, thresholds.defaultQuotaBackendBytes)
        : null;
      return {
        spec,
        rows: chartRows(data.points, spec, ids),
        emptyReason: chartEmptyReason(data.points, spec, ordered, isPrometheusWindow(data.window)),
        quotaLine: guide?.line ?? null,
        note: guide?.note ?? null,
        members: spec.clusterMax
          ? [{ id: CLUSTER_LINE_ID, name: "Cluster", color: "#64748b", gap: null }]
          : ordered.map((m) => ({
              id: m.id,
              name: m.name,
              color: colors.get(m.id) ?? "#64748b",
              gap: first ? memberGap(data.points, m, first.field) : null,
            })),
      };
    });
  }, [data, ordered, colors]);

  return (
    <section
      aria-labelledby="charts-heading"
      className="flex flex-col gap-3"
      data-window={data?.window}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="charts-heading" className="text-base font-semibold">
          {isPrometheusWindow(window) ? "Health history from Prometheus" : "Live health"}
        </h2>
        <WindowSelector value={window} onChange={onWindowChange} withPrometheus={withPrometheus} />
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" aria-hidden="true">
        <div ref={slot} className="h-0" />
      </div>
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Cannot load the history: {error.message}
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2" aria-busy={isPending}>
        {data && chartWidth > 0
          ? charts.map((c) => (
              <MetricChart
                key={c.spec.id}
                {...c}
                width={chartWidth}
                from={data.from}
                to={data.to}
              />
            ))
          : chartSpecs.map((spec) => (
              <div
                key={spec.id}
                className="animate-pulse rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
                style={{ height: CHART_HEIGHT + 60 }}
              >
                <span className="text-sm text-slate-500">{spec.title}: loading…</span>
              </div>
            ))}
      </div>
    </section>
  );
}
