import { describe, expect, it } from "vitest";
import { etcdMixinRules, GRPC_FAILURE_CODES as MIXIN_CODES } from "../alerts/etcd-mixin-rules";
import { warningCodeSchema } from "../health/cluster-health";
import { loadEtcdCapture } from "../server/metrics/fixtures/etcd-captures";
import { etcdMetrics, exposedSince, GRPC_FAILURE_CODES, scrapedFamilies } from "./etcd-metrics";

describe("the etcd metric table", () => {
  it("names only rules that exist: etcd mixin alerts or verdict warning codes", () => {
    const known = new Set<string>([
      ...etcdMixinRules.map((r) => r.name),
      ...warningCodeSchema.options,
    ]);
    for (const metric of etcdMetrics) {
      for (const rule of metric.rules) expect(known, `${metric.sample}: ${rule}`).toContain(rule);
    }
  });

  it("counts the same gRPC failure codes as the mixin's rule", () => {
    expect([...GRPC_FAILURE_CODES]).toEqual([...MIXIN_CODES]);
  });

  it("gives every row a reader: a chart, a rule or a piece of advice", () => {
    for (const metric of etcdMetrics) {
      const advice = "advice" in metric ? metric.advice.length : 0;
      expect(metric.charts.length + metric.rules.length + advice, metric.sample).toBeGreaterThan(0);
    }
  });

  it("has unique sample, derived and history fields", () => {
    const samples = etcdMetrics.map((m) => m.sample);
    expect(new Set(samples).size).toBe(samples.length);
    const history = etcdMetrics.flatMap((m) => ("history" in m ? [m.history.field] : []));
    expect(new Set(history).size).toBe(history.length);
  });

  it("finds every family etcd 3.4 should expose in a real 3.4 scrape, histograms with their series", () => {
    const { text } = loadEtcdCapture("leader-a");
    const exposed = new Set(text.split("\n").map((l) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(l)?.[0]));
    const on34 = (since: readonly [number, number], until?: readonly [number, number]) =>
      (since[0] < 3 || (since[0] === 3 && since[1] <= 4)) &&
      (until === undefined || until[0] > 3 || (until[0] === 3 && until[1] >= 4));
    for (const metric of etcdMetrics) {
      if ("appearsOnUse" in metric) continue;
      for (const p of metric.prometheus) {
        if (!on34(p.since, "until" in p ? p.until : undefined)) continue;
        const series =
          metric.type === "histogram"
            ? ["_bucket", "_sum", "_count"].map((s) => p.name + s)
            : [p.name];
        for (const name of series) {
          expect(exposed, name).toContain(name);
          expect(scrapedFamilies.has(name), name).toBe(true);
        }
      }
    }
  });

  it("reads a fraction of an etcd body", () => {
    const lines = loadEtcdCapture("leader-a")
      .text.split("\n")
      .filter((l) => l !== "" && !l.startsWith("#"));
    const read = lines.filter((l) => {
      const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(l)?.[0] ?? "";
      const alternatives = scrapedFamilies.get(name);
      if (!scrapedFamilies.has(name)) return false;
      return (
        alternatives === undefined ||
        alternatives.some((groups) => groups.every((texts) => texts.some((t) => l.includes(t))))
      );
    });
    // Most of what is read is grpc_server_handled_total: the mixin divides by every code.
    expect(read.length / lines.length).toBeLessThan(0.7);
  });

  it("knows the first etcd version of each metric", () => {
    const row = (sample: string) => etcdMetrics.find((m) => m.sample === sample);
    const inUse = row("dbInUseBytes");
    const total = row("dbTotalSizeBytes");
    if (!inUse || !total) throw new Error("rows missing");
    expect(exposedSince(inUse)).toEqual([3, 4]);
    expect(exposedSince(total)).toEqual([3, 0]);
  });
});
