import { describe, expect, it } from "vitest";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import { collectHistograms } from "./collect-histograms";
import type { PrometheusSeries } from "./read-prometheus-series";

function byName(series: PrometheusSeries[]): Map<string, PrometheusSeries[]> {
  const map = new Map<string, PrometheusSeries[]>();
  for (const s of series) map.set(s.name, [...(map.get(s.name) ?? []), s]);
  return map;
}

function s(name: string, labels: Record<string, string>, value: number): PrometheusSeries {
  return { name, labels, value };
}

const twoPeers = byName([
  s("rtt_bucket", { To: "a", le: "0.1" }, 1),
  s("rtt_bucket", { To: "a", le: "+Inf" }, 2),
  s("rtt_sum", { To: "a" }, 0.3),
  s("rtt_count", { To: "a" }, 2),
  s("rtt_bucket", { To: "b", le: "+Inf" }, 9),
  s("rtt_bucket", { To: "b", le: "0.1" }, 7),
  s("rtt_sum", { To: "b" }, 1.5),
  s("rtt_count", { To: "b" }, 9),
]);

describe("collectHistograms", () => {
  it("builds one histogram per key, buckets sorted by le", () => {
    const histograms = collectHistograms(twoPeers, "rtt", (labels) => labels.To ?? "");
    expect(Object.fromEntries(histograms)).toEqual({
      a: {
        buckets: [
          { le: 0.1, count: 1 },
          { le: Number.POSITIVE_INFINITY, count: 2 },
        ],
        sum: 0.3,
        count: 2,
      },
      b: {
        buckets: [
          { le: 0.1, count: 7 },
          { le: Number.POSITIVE_INFINITY, count: 9 },
        ],
        sum: 1.5,
        count: 9,
      },
    });
  });

  it("adds up series that share a key, as sum by (le)", () => {
    const histograms = collectHistograms(twoPeers, "rtt", () => "");
    expect(histograms.get("")).toEqual({
      buckets: [
        { le: 0.1, count: 8 },
        { le: Number.POSITIVE_INFINITY, count: 11 },
      ],
      sum: 1.8,
      count: 11,
    });
  });

  it("is empty when the histogram is not exposed", () => {
    expect(collectHistograms(twoPeers, "etcd_disk_wal_fsync_duration_seconds", () => "").size).toBe(
      0,
    );
  });

  it("names the histogram and what it lacks", () => {
    const cases: [PrometheusSeries[], RegExp][] = [
      [
        [s("h_bucket", { le: "1" }, 1), s("h_sum", {}, 1), s("h_count", {}, 1)],
        /^h has no \+Inf bucket$/,
      ],
      [[s("h_bucket", { le: "+Inf" }, 1), s("h_sum", {}, 1)], /^h has no _count$/],
      [[s("h_bucket", { le: "+Inf" }, 1), s("h_count", {}, 1)], /^h has no _sum$/],
      [[s("h_bucket", {}, 1)], /^h_bucket has no le label$/],
      [[s("h_bucket", { le: "fast" }, 1)], /^h_bucket has le="fast"$/],
      [[s("h_bucket", { le: "NaN" }, 1)], /^h_bucket has le="NaN"$/],
    ];
    for (const [series, message] of cases) {
      expect(() => collectHistograms(byName(series), "h", () => "")).toThrow(message);
      expect(() => collectHistograms(byName(series), "h", () => "")).toThrow(MetricsParseError);
    }
    const peerless = byName([s("h_bucket", { To: "a", le: "1" }, 1)]);
    expect(() => collectHistograms(peerless, "h", (l) => l.To ?? "")).toThrow(
      /^h for a has no \+Inf/,
    );
  });
});
