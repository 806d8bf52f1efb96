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
  if (histogramRestarted(prev, next)) return next.map((bucket) => ({ ...bucket }));
  const before = new Map(prev.map((bucket) => [bucket.le, bucket.count]));
  return next.map((bucket) => ({
    le: bucket.le,
    count: bucket.count - (before.get(bucket.le) ?? 0),
  }));
}

/**
 * Whether a cumulative histogram started again between two scrapes: a bucket count fell, or
 * the bucket bounds changed (its process restarted).
 */
export function histogramRestarted(
  prev: readonly HistogramBucket[],
  next: readonly HistogramBucket[],
): boolean {
  if (prev.length !== next.length) return true;
  const before = new Map(prev.map((bucket) => [bucket.le, bucket.count]));
  return next.some((bucket) => {
    const earlier = before.get(bucket.le);
    return earlier === undefined || bucket.count < earlier;
  });
}
