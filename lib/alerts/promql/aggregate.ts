import { histogramQuantile } from "../../metrics/histogram-quantile";
import type { VectorSample } from "./instant-vector";
import { type Labels, labelKey, without } from "./labels";

/** Groups samples by their labels minus `names`, in first-seen order. */
function groupWithout(
  vector: readonly VectorSample[],
  names: readonly string[],
): Map<string, { labels: Labels; members: VectorSample[] }> {
  const groups = new Map<string, { labels: Labels; members: VectorSample[] }>();
  for (const s of vector) {
    const key = labelKey(s.labels, names);
    const group = groups.get(key);
    if (group) group.members.push(s);
    else groups.set(key, { labels: without(s.labels, names), members: [s] });
  }
  return groups;
}

/** PromQL's `sum without (names) (vector)`. */
export function sumWithout(
  vector: readonly VectorSample[],
  names: readonly string[],
): VectorSample[] {
  return [...groupWithout(vector, names).values()].map(({ labels, members }) => ({
    labels,
    value: members.reduce((sum, s) => sum + s.value, 0),
  }));
}

/** PromQL's `max without (names) (vector)`; NaN loses to any number, as in Prometheus. */
export function maxWithout(
  vector: readonly VectorSample[],
  names: readonly string[],
): VectorSample[] {
  return [...groupWithout(vector, names).values()].map(({ labels, members }) => ({
    labels,
    value: members.reduce(
      (max, s) => (s.value > max || Number.isNaN(max) ? s.value : max),
      members[0]?.value ?? Number.NaN,
    ),
  }));
}

/** PromQL's `count without (names) (vector)`. */
export function countWithout(
  vector: readonly VectorSample[],
  names: readonly string[],
): VectorSample[] {
  return [...groupWithout(vector, names).values()].map(({ labels, members }) => ({
    labels,
    value: members.length,
  }));
}

/**
 * PromQL's `left <op> right` between two instant vectors, one-to-one on identical label sets:
 * elements without a partner are dropped; the result carries the left side's labels.
 */
export function matchOneToOne(
  left: readonly VectorSample[],
  right: readonly VectorSample[],
  op: (l: number, r: number) => number,
): VectorSample[] {
  const byKey = new Map(right.map((s) => [labelKey(s.labels), s.value]));
  return left.flatMap((l) => {
    const r = byKey.get(labelKey(l.labels));
    return r === undefined ? [] : [{ labels: l.labels, value: op(l.value, r) }];
  });
}

/**
 * PromQL's `histogram_quantile(q, buckets)` for classic histograms: buckets grouped by their
 * labels without `le`; a group with no observations or no +Inf bucket gives NaN, as Prometheus
 * keeps it. Series without a numeric `le` are ignored, as Prometheus ignores them.
 */
export function histogramQuantileOf(q: number, buckets: readonly VectorSample[]): VectorSample[] {
  const withLe = buckets.flatMap((s) => {
    const le = s.labels.le === "+Inf" ? Number.POSITIVE_INFINITY : Number(s.labels.le);
    return s.labels.le === undefined || Number.isNaN(le) ? [] : [{ ...s, le }];
  });
  const groups = groupWithout(withLe, ["le"]);
  return [...groups.values()].map(({ labels, members }) => ({
    labels,
    value:
      histogramQuantile(
        q,
        members.map((m) => ({ le: (m as (typeof withLe)[number]).le, count: m.value })),
      ) ?? Number.NaN,
  }));
}
