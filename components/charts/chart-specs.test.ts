import { describe, expect, it } from "vitest";
import { etcdMetrics } from "@/lib/metrics/etcd-metrics";
import { chartSpecs } from "./chart-specs";

describe("chart specs and the etcd metric table", () => {
  it("draw each table field on the charts its row names, and only there", () => {
    const drawnBy = new Map<string, Set<string>>();
    for (const spec of chartSpecs) {
      const fields = spec.series.map((s) => s.field);
      // A quota chart draws each member's quota as its line.
      for (const field of spec.quota ? [...fields, "quotaBackendBytes"] : fields) {
        const set = drawnBy.get(field) ?? new Set<string>();
        set.add(spec.id);
        drawnBy.set(field, set);
      }
    }
    for (const metric of etcdMetrics) {
      const field = "history" in metric ? metric.history.field : undefined;
      const charts = field ? [...(drawnBy.get(field) ?? [])] : [];
      expect(charts.sort(), metric.sample).toEqual([...metric.charts].sort());
    }
  });
});
