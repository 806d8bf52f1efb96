import type { MemberMetrics } from "../member-snapshot";
import { bucketDeltas, histogramRestarted } from "./bucket-deltas";
import { counterRate } from "./counter-rate";
import { type EtcdMetric, etcdMetrics } from "./etcd-metrics";
import { histogramQuantile } from "./histogram-quantile";
import type { Histogram, MetricsSample } from "./metrics-sample";

type SampleValue =
  | number
  | string
  | Histogram
  | Record<string, Histogram>
  | Record<string, boolean>
  | undefined;

// From the buckets' increase, not their totals: cumulative buckets would answer for the whole
// life of the process, and a slow disk today would hide behind a year of fast fsyncs.
function intervalP99(prev: Histogram | undefined, next: Histogram | undefined): number | undefined {
  if (next === undefined) return undefined;
  // A series missing from the earlier scrape appeared since, so every observation is new.
  const buckets = prev === undefined ? next.buckets : bucketDeltas(prev.buckets, next.buckets);
  return histogramQuantile(0.99, buckets);
}

const asNumber = (v: SampleValue) => (typeof v === "number" ? v : undefined);
const asHistogram = (v: SampleValue) =>
  v !== undefined && typeof v === "object" && "buckets" in v ? (v as Histogram) : undefined;
const asPerMember = (v: SampleValue): Record<string, Histogram> =>
  v !== undefined && typeof v === "object" && !("buckets" in v)
    ? (v as Record<string, Histogram>)
    : {};

/**
 * Each peer's round-trip p99 over the interval. etcd records a peer's smoothed round trip first
 * 5 s after its prober starts (statusErrorInterval, rafthttp/probing_status.go), then every
 * 30 s: that first record is made while the process, or the newly added peer, is still dialing,
 * so it measures the start-up, not the network. An interval that holds it (the peer's series
 * was absent or empty before, or started again) gives no value; the next record does.
 */
function perMemberP99(
  prev: Record<string, Histogram> | undefined,
  next: Record<string, Histogram>,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (prev === undefined) return out;
  for (const [peer, histogram] of Object.entries(next)) {
    const before = Object.hasOwn(prev, peer) ? prev[peer] : undefined;
    if (
      before === undefined ||
      before.count === 0 ||
      histogramRestarted(before.buckets, histogram.buckets)
    ) {
      continue;
    }
    const p = intervalP99(before, histogram);
    if (p !== undefined) out[peer] = p;
  }
  return out;
}

/**
 * Turns a member's latest scrape, and the one before it when there is one, into
 * MemberMetrics, row by row of the metric table: gauges and totals from `next`; per-second
 * rates and p99 latencies over the interval between the two. Rates and p99s are undefined on
 * the first scrape, when the scrapes are not in time order, and (p99s) when nothing was
 * observed in the interval. Counter resets from a restart never give negative rates.
 */
export function deriveMemberMetrics(
  prev: MetricsSample | undefined,
  next: MetricsSample,
): MemberMetrics {
  const seconds = prev === undefined ? Number.NaN : (next.scrapedAt - prev.scrapedAt) / 1000;
  const earlier = seconds > 0 && Number.isFinite(seconds) ? prev : undefined;
  const read = (s: MetricsSample | undefined, field: string): SampleValue =>
    s === undefined ? undefined : (s as Record<string, SampleValue>)[field];

  const out: Record<string, unknown> = { scrapedAt: next.scrapedAt };
  const set = (field: string, value: unknown) => {
    if (value !== undefined) out[field] = value;
  };
  for (const metric of etcdMetrics as readonly EtcdMetric[]) {
    const now = read(next, metric.sample);
    const before = read(earlier, metric.sample);
    const d = metric.derive;
    switch (d.kind) {
      case "gauge":
        set(d.value, now);
        break;
      case "boolean": {
        const v = asNumber(now);
        set(d.value, v === undefined || Number.isNaN(v) ? undefined : v > 0);
        break;
      }
      case "rate":
        set(d.total, asNumber(now));
        set(d.rate, earlier && counterRate(asNumber(before), asNumber(now), seconds));
        break;
      case "p99":
        if (metric.perMember !== undefined) {
          out[d.value] = perMemberP99(earlier && asPerMember(before), asPerMember(now));
        } else {
          set(d.value, earlier && intervalP99(asHistogram(before), asHistogram(now)));
        }
        break;
    }
  }
  // The fields are the table's derivations, which is how MemberMetrics is declared.
  return out as MemberMetrics;
}
