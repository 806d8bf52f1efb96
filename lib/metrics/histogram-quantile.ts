import type { HistogramBucket } from "./metrics-sample";

// Prometheus's smallDeltaTolerance: relative differences this small between neighbouring
// buckets are floating-point noise from rate() or sum(), not real decreases.
const SMALL_DELTA_TOLERANCE = 1e-12;
const MIN_NORMAL = 2.2250738585072014e-308;

// Prometheus util/almost.Equal.
function almostEqual(a: number, b: number, epsilon: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < epsilon * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < epsilon;
}

// Adds up buckets that share an upper bound (from summing series); input sorted by le.
function coalesce(sorted: HistogramBucket[]): HistogramBucket[] {
  const out: HistogramBucket[] = [];
  for (const bucket of sorted) {
    const last = out.at(-1);
    if (last !== undefined && last.le === bucket.le) last.count += bucket.count;
    else out.push({ ...bucket });
  }
  return out;
}

// The binary search below needs counts that never decrease with le. Like Prometheus, absorb
// noise-sized differences either way, then carry the last accepted count over any decrease.
function ensureMonotonic(buckets: HistogramBucket[]): void {
  let prev = buckets[0]?.count ?? 0;
  for (const bucket of buckets.slice(1)) {
    const curr = bucket.count;
    if (curr === prev) continue;
    if (almostEqual(prev, curr, SMALL_DELTA_TOLERANCE) || curr < prev) {
      bucket.count = prev;
      continue;
    }
    prev = curr;
  }
}

/**
 * The q-quantile of cumulative histogram buckets, exactly as PromQL's histogram_quantile
 * computes it for classic histograms: linear interpolation inside the bucket holding the
 * rank, a lower bound of 0 for the lowest bucket when its upper bound is positive, and the
 * highest finite upper bound when the rank falls in the +Inf bucket. Non-monotonic counts are
 * flattened first. Returns -Infinity for q < 0 and +Infinity for q > 1, as Prometheus does, and
 * undefined where Prometheus answers NaN: no observations, no +Inf bucket, fewer than two
 * buckets, or q NaN.
 */
export function histogramQuantile(
  q: number,
  buckets: readonly HistogramBucket[],
): number | undefined {
  if (Number.isNaN(q)) return undefined;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const sorted = coalesce([...buckets].sort((a, b) => (a.le < b.le ? -1 : a.le > b.le ? 1 : 0)));
  if (sorted.at(-1)?.le !== Number.POSITIVE_INFINITY) return undefined;
  ensureMonotonic(sorted);
  if (sorted.length < 2) return undefined;

  const observations = sorted.at(-1)?.count ?? 0;
  if (observations === 0) return undefined;
  let rank = q * observations;
  // Go's sort.Search over the finite buckets: the first whose count reaches the rank.
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.count ?? 0) >= rank) hi = mid;
    else lo = mid + 1;
  }
  const b = lo;

  const upper = sorted[b];
  const lower = sorted[b - 1];
  if (upper === undefined) return undefined;
  if (b === sorted.length - 1) return lower?.le;
  if (lower === undefined && upper.le <= 0) return upper.le;
  let count = upper.count;
  let start = 0;
  if (lower !== undefined) {
    start = lower.le;
    count -= lower.count;
    rank -= lower.count;
  }
  const value = start + (upper.le - start) * (rank / count);
  return Number.isNaN(value) ? undefined : value;
}
