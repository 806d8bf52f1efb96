import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClusterSeries } from "../lib/alerts/cluster-series";
import { etcdMixinRules } from "../lib/alerts/etcd-mixin-rules";
import type { MixinRule } from "../lib/alerts/mixin-rule";
import type { VectorSample } from "../lib/alerts/promql/instant-vector";
import { labelKey } from "../lib/alerts/promql/labels";
import { RuleGroup } from "../lib/alerts/rule-group";
import { alertInputs, zeroFilledInputs } from "../lib/alerts/scraped-series";
import { scrapeFamilies } from "../lib/server/alerts/scrape-families";
import {
  type EtcdCaptureName,
  loadEtcdCapture,
} from "../lib/server/metrics/fixtures/etcd-captures";
import { readPrometheusSeries } from "../lib/server/metrics/read-prometheus-series";
import {
  burstyFailuresFixture,
  clusterFixture,
  type FixtureScrape,
  leaderChangesFixture,
  MINUTE,
  perMethodFixture,
} from "../lib/test-factories/alert-fixtures";
import { type PrometheusReference, startPrometheusReference } from "./prometheus-reference";

// Each rule's value and its firing elements, as Raftscope computes them from the scrapes,
// against what Debian's Prometheus computes from the same samples for the mixin's PromQL.

const HOUR = 60 * MINUTE;
// Whole hours in the past, so subquery steps and block boundaries fall as they would live.
const START = Math.floor(Date.now() / HOUR) * HOUR - 6 * HOUR;

/**
 * Rules with an instant selector. A backfill cannot write the stale markers Prometheus writes
 * when a scrape fails, so in the 5 minutes after a failed scrape the reference still sees the
 * member's last value where a scraping Prometheus (and Raftscope) sees none: those times are
 * not compared for these rules.
 */
const INSTANT_SELECTOR_RULES = new Set([
  "etcdNoLeader",
  "etcdHighNumberOfLeaderChanges",
  "etcdExcessiveDatabaseGrowth",
  "etcdDatabaseHighFragmentationRatio",
]);

function staleGapAt(scrapes: readonly FixtureScrape[], t: number): boolean {
  const latest = new Map<string, FixtureScrape>();
  for (const s of scrapes) if (s.at <= t) latest.set(s.memberId, s);
  return [...latest.values()].some((s) => s.series === null && s.at >= t - 5 * MINUTE);
}

const byLabels = (v: readonly VectorSample[]) =>
  [...v].sort((a, b) => (labelKey(a.labels) < labelKey(b.labels) ? -1 : 1));

function expectSameVector(
  ours: readonly VectorSample[],
  theirs: readonly VectorSample[],
  what: string,
) {
  const a = byLabels(ours);
  const b = byLabels(theirs);
  expect(
    a.map((s) => labelKey(s.labels)),
    what,
  ).toEqual(b.map((s) => labelKey(s.labels)));
  a.forEach((s, i) => {
    const r = (b[i] as VectorSample).value;
    if (Number.isNaN(r)) {
      expect(s.value, what).toBeNaN();
      return;
    }
    const tolerance = 1e-9 * Math.max(1, Math.abs(r));
    expect(Math.abs(s.value - r), `${what}: ${s.value} vs Prometheus ${r}`).toBeLessThanOrEqual(
      tolerance,
    );
  });
}

/**
 * A scrape as Raftscope's reader keeps it: zero-filled families without their zero lines but
 * for the first (readPrometheusSeries with zeroFilledInputs). Prometheus gets every line.
 */
function asRead(series: FixtureScrape["series"]): FixtureScrape["series"] {
  if (series === null) return null;
  const seen = new Set<string>();
  return series.filter((x) => {
    if (!zeroFilledInputs.has(x.name) || !seen.has(x.name)) {
      seen.add(x.name);
      return true;
    }
    return x.value !== 0;
  });
}

/** Feeds the scrapes into Raftscope's rules in time order and compares at each time. */
async function compareAt(
  ref: PrometheusReference,
  scrapes: readonly FixtureScrape[],
  times: readonly number[],
  rules: readonly MixinRule[] = etcdMixinRules,
): Promise<number> {
  const series = new ClusterSeries();
  const ordered = [...scrapes].sort((a, b) => a.at - b.at);
  let next = 0;
  let compared = 0;
  for (const t of times) {
    while (next < ordered.length && (ordered[next] as FixtureScrape).at <= t) {
      const s = ordered[next++] as FixtureScrape;
      series.record(s.memberId, s.at, asRead(s.series));
    }
    for (const rule of rules) {
      if (INSTANT_SELECTOR_RULES.has(rule.name) && staleGapAt(scrapes, t)) continue;
      const ours = rule.evaluate(series, t);
      const what = `${rule.name} (${rule.severity}) at +${(t - START) / 1000} s`;
      let theirs = await ref.query(rule.valueExpr, t);
      if (rule.name === "etcdHighNumberOfFailedGRPCRequests") {
        // A method that served nothing in 5 minutes is 0/0 = NaN in Prometheus, shown nowhere
        // and never firing; Raftscope keeps no series of a method that never counted (its
        // handled_total lines are all 0 and left out when read), so it has no element for it.
        const kept = new Set(ours.map((x) => labelKey(x.labels)));
        theirs = theirs.filter((x) => !Number.isNaN(x.value) || kept.has(labelKey(x.labels)));
      }
      expectSameVector(ours, theirs, `${what}, value`);
      expectSameVector(
        ours.filter((s) => s.holds),
        await ref.query(rule.expr, t),
        `${what}, firing elements`,
      );
      compared++;
    }
  }
  return compared;
}

function rule(name: string, severity = "warning"): MixinRule {
  const found = etcdMixinRules.find((r) => r.name === name && r.severity === severity);
  if (!found) throw new Error(`no rule ${name} (${severity})`);
  return found;
}

describe("etcd mixin rules against a real Prometheus", () => {
  describe("failed gRPC requests per method", () => {
    const scrapes = perMethodFixture(START);
    let ref: PrometheusReference;
    beforeAll(async () => {
      ref = await startPrometheusReference(scrapes);
    });
    afterAll(() => ref?.stop());

    it("gives Watch 20 %, Range 0 % and Compact no number, as the mixin does", async () => {
      const t = START + 5 * MINUTE;
      await compareAt(ref, scrapes, [t], [rule("etcdHighNumberOfFailedGRPCRequests")]);
      const series = new ClusterSeries();
      for (const s of scrapes) series.record(s.memberId, s.at, s.series);
      const byMethod = Object.fromEntries(
        rule("etcdHighNumberOfFailedGRPCRequests")
          .evaluate(series, t)
          .map((s) => [s.labels.grpc_method, s.value]),
      );
      expect(byMethod.Watch).toBeCloseTo(20, 9);
      expect(byMethod.Range).toBe(0);
      expect(byMethod.Compact).toBeNaN();
    });
  });

  describe("bursts of failures between scrapes", () => {
    const scrapes = burstyFailuresFixture(START, 25);
    let ref: PrometheusReference;
    beforeAll(async () => {
      ref = await startPrometheusReference(scrapes);
    });
    afterAll(() => ref?.stop());

    it("matches at full resolution: 1.2 %, a warning that fires and no critical", async () => {
      const times = Array.from({ length: 21 }, (_, k) => START + (5 + k) * MINUTE + 1000);
      await compareAt(
        ref,
        scrapes,
        times,
        etcdMixinRules.filter((r) => r.name.includes("GRPC")),
      );
      const series = new ClusterSeries();
      const group = new RuleGroup(etcdMixinRules.filter((r) => r.name.includes("GRPC")));
      let view = group.evaluate(series, START);
      let next = 0;
      for (let t = START; t <= START + 25 * MINUTE; t += 2000) {
        while (next < scrapes.length && (scrapes[next] as FixtureScrape).at <= t) {
          const s = scrapes[next++] as FixtureScrape;
          series.record(s.memberId, s.at, s.series);
        }
        view = group.evaluate(series, t);
      }
      const [warning, critical] = view;
      expect(warning?.worst?.value).toBeGreaterThan(1.15);
      expect(warning?.worst?.value).toBeLessThan(1.3);
      expect(warning?.state).toBe("firing");
      expect(critical?.state).toBe("ok");
    });
  });

  describe("leader changes", () => {
    const scrapes = leaderChangesFixture(START);
    let ref: PrometheusReference;
    beforeAll(async () => {
      ref = await startPrometheusReference(scrapes);
    });
    afterAll(() => ref?.stop());

    it("counts no change for a crash-looping member and every real election", async () => {
      const times = Array.from({ length: 50 }, (_, k) => START + (k + 1) * MINUTE + 7000);
      await compareAt(ref, scrapes, times, [rule("etcdHighNumberOfLeaderChanges")]);
      const series = new ClusterSeries();
      for (const s of scrapes)
        if (s.at <= START + 29 * MINUTE) series.record(s.memberId, s.at, s.series);
      const during = rule("etcdHighNumberOfLeaderChanges").evaluate(series, START + 29 * MINUTE);
      expect(during.map((s) => s.value)).toEqual([0]);
    });
  });

  describe("scrapes captured from a real etcd 3.4 cluster", () => {
    // m1 led throughout; m2 was restarted between its two scrapes, so its counters reset.
    const capture = (memberId: string, name: EtcdCaptureName): FixtureScrape => {
      const { text, scrapedAt } = loadEtcdCapture(name);
      const series = readPrometheusSeries(text, scrapeFamilies).filter((x) =>
        Object.hasOwn(alertInputs, x.name),
      );
      return { memberId, at: scrapedAt, series };
    };
    const scrapes = [
      capture("5ac5478f953cb768", "leader-a"),
      capture("5ac5478f953cb768", "leader-b"),
      capture("29cac1eaf16d269c", "follower-b"),
      capture("29cac1eaf16d269c", "follower-restarted"),
    ];
    let ref: PrometheusReference;
    beforeAll(async () => {
      ref = await startPrometheusReference(scrapes);
    });
    afterAll(() => ref?.stop());

    it("matches Prometheus for every rule", async () => {
      const last = Math.max(...scrapes.map((x) => x.at));
      const times = [last, last + 1000, last + 60_000, last + 4 * MINUTE];
      const compared = await compareAt(ref, scrapes, times);
      expect(compared).toBe(times.length * etcdMixinRules.length);
    });
  });

  describe("every other rule over four hours of a cluster", () => {
    const scrapes = clusterFixture(START - 4 * HOUR);
    let ref: PrometheusReference;
    beforeAll(async () => {
      ref = await startPrometheusReference(scrapes);
    });
    afterAll(() => ref?.stop());

    it("matches Prometheus for every rule, value and firing elements", async () => {
      const every5 = Array.from({ length: 50 }, (_, k) => (5 + k * 5) * MINUTE);
      // Each minute across the restart at 120 minutes: windows that hold the gap and the reset.
      const aroundRestart = Array.from({ length: 20 }, (_, k) => (119 + k) * MINUTE);
      const times = [...new Set([...every5, ...aroundRestart])]
        .sort((a, b) => a - b)
        .map((m) => START - 4 * HOUR + m + 13_000);
      const compared = await compareAt(ref, scrapes, times);
      expect(compared).toBeGreaterThan(times.length * etcdMixinRules.length * 0.9);
    });
  });
});
