import "server-only";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import type { Histogram } from "../../metrics/metrics-sample";
import { parsePrometheusValue } from "./parse-prometheus-value";
import type { PrometheusSeries } from "./read-prometheus-series";

type Labels = Record<string, string>;

function addTo<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function bucketBound(name: string, labels: Labels): number {
  const le = labels.le;
  const bound = le === undefined ? undefined : parsePrometheusValue(le);
  if (bound === undefined || Number.isNaN(bound)) {
    throw new MetricsParseError(
      le === undefined
        ? `${name}_bucket has no le label`
        : `${name}_bucket has le=${JSON.stringify(le)}`,
    );
  }
  return bound;
}

/**
 * Assembles the histogram `name` from its _bucket, _sum and _count series, one histogram per
 * key that `keyOf` gives a label set; series sharing a key are added, as PromQL's
 * `sum by (key, le)`. Throws MetricsParseError when a histogram lacks its +Inf bucket, _sum
 * or _count.
 */
export function collectHistograms(
  seriesByName: ReadonlyMap<string, PrometheusSeries[]>,
  name: string,
  keyOf: (labels: Labels) => string,
): Map<string, Histogram> {
  const bucketsByKey = new Map<string, Map<number, number>>();
  for (const series of seriesByName.get(`${name}_bucket`) ?? []) {
    const key = keyOf(series.labels);
    const buckets = bucketsByKey.get(key) ?? new Map<number, number>();
    bucketsByKey.set(key, buckets);
    addTo(buckets, bucketBound(name, series.labels), series.value);
  }
  const sums = new Map<string, number>();
  for (const series of seriesByName.get(`${name}_sum`) ?? []) {
    addTo(sums, keyOf(series.labels), series.value);
  }
  const counts = new Map<string, number>();
  for (const series of seriesByName.get(`${name}_count`) ?? []) {
    addTo(counts, keyOf(series.labels), series.value);
  }

  const out = new Map<string, Histogram>();
  for (const [key, byBound] of bucketsByKey) {
    const where = key === "" ? name : `${name} for ${key}`;
    const buckets = [...byBound].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
    if (buckets.at(-1)?.le !== Number.POSITIVE_INFINITY) {
      throw new MetricsParseError(`${where} has no +Inf bucket`);
    }
    const sum = sums.get(key);
    const count = counts.get(key);
    if (sum === undefined || count === undefined) {
      throw new MetricsParseError(`${where} has no ${sum === undefined ? "_sum" : "_count"}`);
    }
    out.set(key, { buckets, sum, count });
  }
  return out;
}
