import type { HistoryPoint, MemberSample } from "./history-point";

/** Fields where a spike matters more than the last value: keep the bucket's worst. */
const peakFields = [
  "latencyMs",
  "walFsyncP99Seconds",
  "backendCommitP99Seconds",
  "peerRoundTripP99Seconds",
  "proposalsFailedRate",
  "grpcFailedRate",
] as const;

function mergeMember(into: MemberSample, next: MemberSample): MemberSample {
  const merged: MemberSample = { ...into, ...next, reachable: into.reachable && next.reachable };
  for (const field of peakFields) {
    const a = into[field];
    const b = next[field];
    if (a !== undefined && b !== undefined) merged[field] = Math.max(a, b);
  }
  return merged;
}

/**
 * Reduces points to at most one per `stepMs`, so the browser never draws more points than
 * the chart has pixels. Each bucket keeps its last values, its worst latencies, and is marked
 * unreachable if the member was unreachable at any point in it.
 */
export function downsample(points: HistoryPoint[], stepMs: number): HistoryPoint[] {
  if (stepMs <= 0 || points.length === 0) return points;
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
