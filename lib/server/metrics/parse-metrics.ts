import "server-only";
import { type EtcdMetric, etcdMetrics, scrapedFamilies } from "../../metrics/etcd-metrics";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import type { Histogram, MetricsSample } from "../../metrics/metrics-sample";
import { collectHistograms } from "./collect-histograms";
import { type PrometheusSeries, readPrometheusSeries } from "./read-prometheus-series";

type Labels = Readonly<Record<string, string>>;
type SeriesByName = ReadonlyMap<string, PrometheusSeries[]>;

const HEX_MEMBER_ID = /^[0-9a-f]+$/;

function memberIdLabel(name: string, label: string): (labels: Labels) => string {
  return (labels) => {
    const id = labels[label]?.toLowerCase();
    if (id === undefined || !HEX_MEMBER_ID.test(id)) {
      throw new MetricsParseError(
        `${name} has ${label}=${JSON.stringify(labels[label] ?? "")}, not a hex member id`,
      );
    }
    return id;
  };
}

/** The metric's names this member exposes: the first, or every one with `combine: "sum"`. */
function exposedNames(byName: SeriesByName, metric: EtcdMetric): string[] {
  const suffix = metric.type === "histogram" ? "_bucket" : "";
  const names = metric.prometheus.map((p) => p.name).filter((n) => byName.has(`${n}${suffix}`));
  return metric.combine === "sum" ? names : names.slice(0, 1);
}

function selected(metric: EtcdMetric, labels: Labels): boolean {
  const select = metric.select;
  if (!select) return true;
  return Object.entries(select).every(([label, values]) => values.includes(labels[label] ?? ""));
}

function reduceSeries(
  metric: EtcdMetric,
  series: readonly PrometheusSeries[],
): number | string | Record<string, boolean> | undefined {
  const reduce = metric.reduce ?? { kind: "sum" };
  switch (reduce.kind) {
    case "sum":
      return series.reduce((total, s) => total + s.value, 0);
    case "label-of-one":
      return series.find((s) => s.value === 1 && s.labels[reduce.label])?.labels[reduce.label];
    case "flags":
      return Object.fromEntries(
        series.flatMap((s) => {
          const key = s.labels[reduce.label];
          return key ? [[key, s.value > 0] as const] : [];
        }),
      );
  }
}

type SampleValue =
  | number
  | string
  | Histogram
  | Record<string, Histogram>
  | Record<string, boolean>
  | undefined;

function readMetric(byName: SeriesByName, metric: EtcdMetric): SampleValue {
  const names = exposedNames(byName, metric);
  const [name] = names;
  if (metric.type === "histogram") {
    if (metric.perMember !== undefined) {
      if (name === undefined) return {};
      return Object.fromEntries(
        collectHistograms(byName, name, memberIdLabel(name, metric.perMember)),
      );
    }
    // Unlabelled in etcd; any labels would be summed by le, as `sum by (le)`.
    return name === undefined ? undefined : collectHistograms(byName, name, () => "").get("");
  }
  if (name === undefined) return undefined;
  const series = names
    .flatMap((n) => byName.get(n) ?? [])
    .filter((s) => selected(metric, s.labels));
  return reduceSeries(metric, series);
}

/**
 * Translates one /metrics body from an etcd member into a MetricsSample: one field per row of
 * the metric table (lib/metrics/etcd-metrics.ts), read from the first of its names the member
 * exposes. Only those families are parsed; the rest of the body is skipped. Series this etcd
 * version does not expose are left undefined; counters and gauges are summed over their label
 * sets (those the row selects). Throws MetricsParseError naming what was wrong when the body
 * is not Prometheus text, or when a histogram lacks its +Inf bucket, _sum or _count.
 */
export function parseMetricsText(text: string, scrapedAt: number): MetricsSample {
  return metricsSampleOf(readPrometheusSeries(text, scrapedFamilies), scrapedAt);
}

/**
 * parseMetricsText for a body already split into series by readPrometheusSeries (with
 * `scrapedFamilies`, so that only the table's families were parsed).
 */
export function metricsSampleOf(
  all: readonly PrometheusSeries[],
  scrapedAt: number,
): MetricsSample {
  const byName = new Map<string, PrometheusSeries[]>();
  for (const series of all) {
    const list = byName.get(series.name);
    if (list) list.push(series);
    else byName.set(series.name, [series]);
  }
  const sample: Record<string, unknown> = { scrapedAt };
  for (const metric of etcdMetrics as readonly EtcdMetric[]) {
    const value = readMetric(byName, metric);
    if (value !== undefined) sample[metric.sample] = value;
  }
  // The fields are the table's rows, which is how MetricsSample is declared.
  return sample as MetricsSample;
}
