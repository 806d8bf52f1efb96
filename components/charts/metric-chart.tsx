"use client";

import { useId } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatAxisTime } from "@/lib/format/format-axis-time";
import { formatValue } from "@/lib/format/format-value";
import type { ChartRow } from "./chart-rows";
import { seriesKey } from "./chart-rows";
import type { ChartGuide, ChartSpec } from "./chart-specs";
import { ChartTooltip } from "./chart-tooltip";

export const CHART_HEIGHT = 180;
/** Room the y axis labels take; the plot gets the rest of the width. */
export const Y_AXIS_WIDTH = 64;

export interface ChartMember {
  id: string;
  name: string;
  color: string;
  /** Why this member has no line, when it has none. */
  gap: string | null;
}

/** One live chart: every member a line in its own colour, guidance drawn, or why it is empty. */
export function MetricChart({
  spec,
  rows,
  members,
  width,
  from,
  to,
  emptyReason,
  quotaLine,
  note,
}: {
  spec: ChartSpec;
  rows: ChartRow[];
  members: ChartMember[];
  width: number;
  from: number;
  to: number;
  emptyReason: string | null;
  quotaLine: ChartGuide | null;
  note: string | null;
}) {
  const titleId = useId();
  const guides = [spec.guide, quotaLine].filter(
    (g): g is ChartGuide => g !== undefined && g !== null,
  );
  return (
    <figure
      aria-labelledby={titleId}
      data-chart={spec.id}
      data-points={rows.length}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <figcaption className="mb-1">
        <h3 id={titleId} className="text-sm font-semibold">
          {spec.title}
        </h3>
        <p className="text-xs text-slate-500 dark:text-slate-400">{note ?? spec.description}</p>
      </figcaption>
      {emptyReason ? (
        <p
          className="flex items-center justify-center rounded bg-slate-50 px-4 text-center text-sm text-slate-600 dark:bg-slate-800/60 dark:text-slate-300"
          style={{ height: CHART_HEIGHT }}
        >
          No data: {emptyReason}
        </p>
      ) : (
        <div className="text-slate-500 dark:text-slate-400">
          <LineChart
            width={width}
            height={CHART_HEIGHT}
            data={rows}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            // recharts makes each chart a tab stop with no name; the figure and its caption
            // name it, and the same figures are in the members table and the alerts.
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[from, to]}
              tickFormatter={(t: number) => formatAxisTime(t, to - from)}
              tick={{ fill: "currentColor", fontSize: 11 }}
              stroke="currentColor"
              strokeOpacity={0.4}
              tickCount={5}
              minTickGap={40}
            />
            <YAxis
              width={Y_AXIS_WIDTH}
              tickFormatter={(v: number) => formatValue(v, spec.unit)}
              // Leader changes and pending proposals are whole numbers: no 0.5 on their axis.
              allowDecimals={spec.unit !== "count"}
              tick={{ fill: "currentColor", fontSize: 11 }}
              stroke="currentColor"
              strokeOpacity={0.4}
              tickCount={4}
            />
            <Tooltip
              isAnimationActive={false}
              content={(p) => (
                <ChartTooltip
                  active={p.active}
                  payload={p.payload}
                  label={p.label}
                  unit={spec.unit}
                />
              )}
            />
            {guides.map((g) => (
              <ReferenceLine
                key={g.label}
                y={g.value}
                stroke="#dc2626"
                strokeDasharray="6 3"
                ifOverflow="extendDomain"
                label={{
                  value: g.label,
                  position: "insideTopRight",
                  fill: "#dc2626",
                  fontSize: 11,
                }}
              />
            ))}
            {members.flatMap((m) =>
              spec.series.map((s, i) => (
                <Line
                  key={seriesKey(m.id, i)}
                  dataKey={seriesKey(m.id, i)}
                  name={s.suffix ? `${m.name} ${s.suffix}` : m.name}
                  stroke={m.color}
                  strokeWidth={1.5}
                  strokeDasharray={s.dashed ? "5 3" : undefined}
                  type={spec.step ? "stepAfter" : "linear"}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              )),
            )}
          </LineChart>
        </div>
      )}
      <ul className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-600 dark:text-slate-300">
        {members.map((m) => (
          <li key={m.id} className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-3"
              style={{ backgroundColor: m.color }}
            />
            {m.name}
            {m.gap && !emptyReason && (
              <span className="text-slate-500 dark:text-slate-400">({m.gap})</span>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
