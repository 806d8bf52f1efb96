import type { EtcdMetricRow } from "./etcd-metrics";

/**
 * What one /metrics scrape of one member says, reduced to the series of the metric table
 * (etcd-metrics.ts). The Prometheus adapter in lib/server/metrics builds it; deriveMemberMetrics
 * turns two of them into MemberMetrics. Absent means this etcd version does not expose the series.
 */

/** One cumulative bucket: how many observations were less than or equal to `le`. */
export interface HistogramBucket {
  le: number;
  count: number;
}

/** A classic Prometheus histogram: cumulative buckets sorted by `le`, +Inf last. */
export interface Histogram {
  buckets: HistogramBucket[];
  sum: number;
  count: number;
}

type PerMemberRow = Extract<EtcdMetricRow, { perMember: string }>;
type WholeRow = Exclude<EtcdMetricRow, PerMemberRow>;

/** What one row reads: a sum, a label, flags by label, or a histogram. */
export type SampleValueOf<R> = R extends { type: "histogram" }
  ? Histogram
  : R extends { reduce: { kind: "label-of-one" } }
    ? string
    : R extends { reduce: { kind: "flags" } }
      ? Record<string, boolean>
      : number;

/**
 * One field per table row, named by its `sample`: a number for counters and gauges (summed
 * over label sets), a string or flags where the row reads labels, a Histogram for histograms,
 * and for per-member histograms a record keyed by the peer's hex member id (always present,
 * empty when not exposed).
 */
export type MetricsSample = {
  /** When the scrape answered, in Unix milliseconds. */
  scrapedAt: number;
} & {
  [R in WholeRow as R["sample"]]?: SampleValueOf<R>;
} & {
  [R in PerMemberRow as R["sample"]]: Record<string, Histogram>;
};
