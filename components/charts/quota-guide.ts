import { formatBytes } from "@/lib/format/format-bytes";
import type { HistoryPoint } from "@/lib/history/history-point";
import type { ChartGuide } from "./chart-specs";

/** Below this share of the quota the line would flatten the sizes into the axis. */
const SHOW_FROM = 0.2;

/**
 * The database chart's quota: drawn as a line once the largest member reaches a fifth of it;
 * until then said in words, so a small database's growth stays visible.
 */
export function quotaGuide(
  points: readonly HistoryPoint[],
  defaultQuotaBytes: number,
): { line: ChartGuide | null; note: string | null } {
  let quota: number | undefined;
  let largest = 0;
  for (const p of points) {
    for (const s of Object.values(p.members)) {
      if (s.quotaBackendBytes !== undefined) quota = Math.max(quota ?? 0, s.quotaBackendBytes);
      if (s.dbSizeBytes !== undefined) largest = Math.max(largest, s.dbSizeBytes);
    }
  }
  const value = quota ?? defaultQuotaBytes;
  const label = `quota ${formatBytes(value)}${quota === undefined ? " (etcd default)" : ""}`;
  if (largest >= SHOW_FROM * value) return { line: { value, label }, note: null };
  const pct = ((100 * largest) / value).toFixed(largest / value < 0.001 ? 3 : 1);
  return {
    line: null,
    note: `Size (solid) and in use (dashed); largest member at ${pct} % of its ${label}.`,
  };
}
