import { type HistoryPoint, historyMetrics, type MemberSample } from "./history-point";

/**
 * Fields where a spike matters more than the last value: keep the bucket's worst. The metric
 * table says which (`downsample: "max"`); Status latency is one too.
 */
export const peakFields: readonly string[] = [
  "latencyMs",
  ...historyMetrics.filter((h) => h.downsample === "max").map((h) => h.field),
];

function mergeMember(into: MemberSample, next: MemberSample): MemberSample {
  const merged: MemberSample = { ...into, ...next, reachable: into.reachable && next.reachable };
  const a = into as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const out = merged as Record<string, unknown>;
  for (const field of peakFields) {
    const x = a[field];
    const y = b[field];
    if (typeof x === "number" && typeof y === "number") out[field] = Math.max(x, y);
  }
  return merged;
}

/**
 * Reduces points to at most one per `stepMs`, so the browser never draws more points than
 * the chart has pixels. Each bucket keeps its last values, its worst latencies, and is marked
 * unreachable if the member was unreachable at any point in it.
 */
export function downsample(points: readonly HistoryPoint[], stepMs: number): HistoryPoint[] {
  if (stepMs <= 0 || points.length === 0) return [...points];
  const out: HistoryPoint[] = [];
  let bucket: number | undefined;
  for (const p of points) {
    const b = Math.floor(p.t / stepMs);
    const prev = out.at(-1);
    if (prev && b === bucket) {
      const members: Record<string, MemberSample> = { ...prev.members };
      for (const [id, sample] of Object.entries(p.members)) {
        const earlier = members[id];
        members[id] = earlier ? mergeMember(earlier, sample) : sample;
      }
      out[out.length - 1] = { ...p, members };
    } else {
      out.push(p);
      bucket = b;
    }
  }
  return out;
}
