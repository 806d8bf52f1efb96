import type { HistoryPoint } from "@/lib/history/history-point";
import type { ChartSpec } from "./chart-specs";

/** One x position of a chart: the time and each series' value, null where unknown. */
export type ChartRow = { t: number } & Record<string, number | null>;

/** The data key of one member's series; no dots, which recharts would read as a path. */
export function seriesKey(memberId: string, seriesIndex: number): string {
  return `${memberId}_${seriesIndex}`;
}

/**
 * Turns history points into the rows a chart draws: one value per member and series, null
 * where the member was unreachable or the metric unknown, so the line breaks instead of
 * bridging the gap. Counters drawn as an increase start at zero and survive restarts.
 */
export function chartRows(
  points: readonly HistoryPoint[],
  spec: ChartSpec,
  memberIds: readonly string[],
): ChartRow[] {
  const running = new Map<string, { last: number; total: number }>();
  return points.map((p) => {
    const row: ChartRow = { t: p.t } as ChartRow;
    for (const id of memberIds) {
      const sample = p.members[id];
      spec.series.forEach((s, i) => {
        const key = seriesKey(id, i);
        const raw = sample?.reachable ? sample[s.field] : undefined;
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
