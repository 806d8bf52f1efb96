import type { HistoryPoint } from "@/lib/history/history-point";
import type { ChartField, ChartSpec } from "./chart-specs";

/** The key a chart with `clusterMax` draws its one line under, in place of a member id. */
export const CLUSTER_LINE_ID = "cluster";

/** One x position of a chart: the time and each series' value, null where unknown. */
export type ChartRow = { t: number } & Record<string, number | null>;

/** The data key of one member's series; no dots, which recharts would read as a path. */
export function seriesKey(memberId: string, seriesIndex: number): string {
  return `${memberId}_${seriesIndex}`;
}

function memberValue(p: HistoryPoint, id: string, field: ChartField): number | undefined {
  const sample = p.members[id];
  return sample?.reachable ? sample[field] : undefined;
}

function clusterMax(
  p: HistoryPoint,
  memberIds: readonly string[],
  field: ChartField,
): number | undefined {
  let max: number | undefined;
  for (const id of memberIds) {
    const v = memberValue(p, id, field);
    if (v !== undefined && Number.isFinite(v) && (max === undefined || v > max)) max = v;
  }
  return max;
}

/**
 * Turns history points into the rows a chart draws: one value per member and series, null
 * where the member was unreachable or the metric unknown, so the line breaks instead of
 * bridging the gap. Counters drawn as an increase start at zero and count a drop as a reset,
 * as Prometheus's increase() does. A `clusterMax` chart has one line, the members' highest.
 */
export function chartRows(
  points: readonly HistoryPoint[],
  spec: ChartSpec,
  memberIds: readonly string[],
): ChartRow[] {
  const running = new Map<string, { last: number; total: number }>();
  const lines = spec.clusterMax ? [CLUSTER_LINE_ID] : memberIds;
  return points.map((p) => {
    const row: ChartRow = { t: p.t } as ChartRow;
    for (const id of lines) {
      spec.series.forEach((s, i) => {
        const key = seriesKey(id, i);
        const raw = spec.clusterMax
          ? clusterMax(p, memberIds, s.field)
          : memberValue(p, id, s.field);
        if (raw === undefined || !Number.isFinite(raw)) {
          row[key] = null;
          return;
        }
        if (!s.increase) {
          row[key] = raw;
          return;
        }
        const prev = running.get(key);
        // A counter that went down was reset by a restart: it counts from zero again.
        const total = prev ? prev.total + (raw >= prev.last ? raw - prev.last : raw) : 0;
        running.set(key, { last: raw, total });
        row[key] = total;
      });
    }
    return row;
  });
}
