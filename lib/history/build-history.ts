import { type HistoryWindow, historyWindows } from "../api/query-schemas";
import { downsample } from "./downsample";
import type { HistoryPoint } from "./history-point";

export interface HistoryResponse {
  clusterId: string;
  window: HistoryWindow;
  from: number;
  to: number;
  /** Width of one point in milliseconds after downsampling. */
  stepMs: number;
  members: { id: string; name: string }[];
  points: HistoryPoint[];
}

/** Cuts the window out of the history and downsamples it to at most `maxPoints` points. */
export function buildHistory(input: {
  clusterId: string;
  points: HistoryPoint[];
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
    points: downsample(
      input.points.filter((p) => p.t >= from),
      stepMs,
    ),
  };
}
