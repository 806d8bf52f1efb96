import type { HistogramBucket } from "./metrics-sample";

/**
 * Per-bucket increase between two scrapes of one cumulative histogram: the observations
 * made in the interval. When any bucket count fell, or the bucket bounds changed, the process
 * restarted in between, and `next` alone is the increase, as Prometheus's rate() treats a
 * counter reset.
 */
export function bucketDeltas(
  prev: readonly HistogramBucket[],
  next: readonly HistogramBucket[],
): HistogramBucket[] {
  const restarted = () => next.map((bucket) => ({ ...bucket }));
  if (prev.length !== next.length) return restarted();
  const before = new Map(prev.map((bucket) => [bucket.le, bucket.count]));
  const deltas: HistogramBucket[] = [];
  for (const bucket of next) {
    const earlier = before.get(bucket.le);
    if (earlier === undefined || bucket.count < earlier) return restarted();
    deltas.push({ le: bucket.le, count: bucket.count - earlier });
  }
  return deltas;
}
