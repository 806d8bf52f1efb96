import { z } from "zod";
import { type HistoryWindow, historyQuerySchema, historyWindows } from "../api/query-schemas";
import { downsample } from "./downsample";
import { historyColumnsSchema, toColumns } from "./history-columns";
import type { HistoryPoint } from "./history-point";
import type { HistoryRing } from "./history-ring";

/** GET /api/clusters/{id}/history: the window's points, downsampled, in columns. */
export const historyResponseSchema = z.object({
  clusterId: z.string(),
  window: historyQuerySchema.shape.window.removeDefault(),
  from: z.number(),
  to: z.number(),
  /** Width of one point in milliseconds after downsampling. */
  stepMs: z.number(),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  columns: historyColumnsSchema,
});

export type HistoryResponse = z.infer<typeof historyResponseSchema>;

/**
 * Cuts the window out of the history and downsamples it to at most `maxPoints` points. The
 * history is the poller's own ring (read in columns) or points read from Prometheus.
 */
export function buildHistory(input: {
  clusterId: string;
  history: HistoryRing | readonly HistoryPoint[];
  members: { id: string; name: string }[];
  window: HistoryWindow;
  maxPoints: number;
  now: number;
}): HistoryResponse {
  const span = historyWindows[input.window];
  const from = input.now - span;
  const stepMs = Math.max(1000, Math.ceil(span / input.maxPoints));
  return {
    clusterId: input.clusterId,
    window: input.window,
    from,
    to: input.now,
    stepMs,
    members: input.members.map((m) => ({ id: m.id, name: m.name })),
    columns: isPoints(input.history)
      ? toColumns(
          downsample(
            input.history.filter((p) => p.t >= from),
            stepMs,
          ),
        )
      : input.history.columns(from, stepMs),
  };
}

function isPoints(h: HistoryRing | readonly HistoryPoint[]): h is readonly HistoryPoint[] {
  return Array.isArray(h);
}
