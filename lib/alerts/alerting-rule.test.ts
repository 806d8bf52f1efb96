import { describe, expect, it } from "vitest";
import { AlertingRule } from "./alerting-rule";
import type { MixinRule, RuleSample } from "./mixin-rule";

const rule = (forMs: number): MixinRule => ({
  name: "etcdNoLeader",
  severity: "critical",
  forMs,
  summary: "",
  condition: "",
  unit: "boolean",
  worst: "min",
  runbookUrl: "",
  expr: "",
  valueExpr: "",
  evaluate: () => [],
});

const a = { job: "etcd", instance: "a" };
const b = { job: "etcd", instance: "b" };
const holds = (labels: Record<string, string>, value = 0): RuleSample => ({
  labels,
  value,
  holds: true,
});

describe("AlertingRule (as Prometheus's rules/alerting.go)", () => {
  it("is pending until the condition has held for `for:`, then fires", () => {
    const r = new AlertingRule(rule(60_000));
    r.update([holds(a)], 0);
    expect(r.state()).toBe("pending");
    r.update([holds(a)], 59_999);
    expect(r.state()).toBe("pending");
    r.update([holds(a)], 60_000);
    expect(r.state()).toBe("firing");
    expect(r.alerts()).toMatchObject([{ activeAt: 0, firedAt: 60_000 }]);
  });

  it("fires at once with `for: 0`", () => {
    const r = new AlertingRule(rule(0));
    r.update([holds(a)], 5);
    expect(r.alerts()).toMatchObject([{ state: "firing", activeAt: 5, firedAt: 5 }]);
  });

  it("starts over when a pending condition breaks for one evaluation", () => {
    const r = new AlertingRule(rule(60_000));
    r.update([holds(a)], 0);
    r.update([{ ...holds(a), holds: false }], 30_000);
    expect(r.state()).toBe("inactive");
    r.update([holds(a)], 40_000);
    r.update([holds(a)], 90_000);
    expect(r.state()).toBe("pending");
    r.update([holds(a)], 100_000);
    expect(r.state()).toBe("firing");
  });

  it("keeps one alert per label set, each with its own clock", () => {
    const r = new AlertingRule(rule(60_000));
    r.update([holds(a)], 0);
    r.update([holds(a), holds(b)], 30_000);
    r.update([holds(a), holds(b)], 60_000);
    expect(r.alerts().map((x) => [x.labels.instance, x.state])).toEqual([
      ["a", "firing"],
      ["b", "pending"],
    ]);
  });

  it("resolves a firing alert when its element is gone, and pends it anew when it returns", () => {
    const r = new AlertingRule(rule(0));
    r.update([holds(a, 1)], 0);
    r.update([], 10_000);
    expect(r.alerts()).toEqual([]);
    expect(r.state()).toBe("inactive");
    r.update([holds(a, 2)], 20_000);
    expect(r.alerts()).toMatchObject([{ state: "firing", activeAt: 20_000, value: 2 }]);
  });

  it("updates a standing alert's value without restarting its clock", () => {
    const r = new AlertingRule(rule(60_000));
    r.update([holds(a, 1)], 0);
    r.update([holds(a, 7)], 30_000);
    expect(r.alerts()).toMatchObject([{ activeAt: 0, value: 7 }]);
  });
});
