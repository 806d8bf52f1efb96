import { describe, expect, it } from "vitest";
import { ClusterSeries } from "../lib/alerts/cluster-series";
import { etcdMixinRules } from "../lib/alerts/etcd-mixin-rules";
import { RuleGroup } from "../lib/alerts/rule-group";
import {
  burstyFailuresFixture,
  clusterFixture,
  type FixtureScrape,
  leaderChangesFixture,
} from "../lib/test-factories/alert-fixtures";
import { type FiringAlert, promtoolCheckAlerts } from "./promtool-rule-test";

// Pending and firing as Raftscope's server decides them, checked by Prometheus's own rule
// manager (`promtool test rules`) on the same samples, with stale markers where scrapes failed.

/**
 * Evaluates the rule group every `intervalMs` from 0, as promtool does, and returns the alerts
 * firing at every `checkEvery`-th evaluation; also how many firing alerts were seen in all.
 */
function firingOverTime(
  scrapes: readonly FixtureScrape[],
  intervalMs: number,
  checkEvery: number,
): { checks: Map<number, FiringAlert[]>; firingSeen: number } {
  const series = new ClusterSeries();
  const group = new RuleGroup();
  const ordered = [...scrapes].sort((a, b) => a.at - b.at);
  const end = ordered.at(-1)?.at ?? 0;
  const checks = new Map<number, FiringAlert[]>();
  let next = 0;
  let firingSeen = 0;
  for (let k = 0, t = 0; t <= end; k++, t += intervalMs) {
    while (next < ordered.length && (ordered[next] as FixtureScrape).at <= t) {
      const s = ordered[next++] as FixtureScrape;
      series.record(s.memberId, s.at, s.series);
    }
    const view = group.evaluate(series, t);
    const firing = view.flatMap((r) =>
      r.alerts
        .filter((a) => a.state === "firing")
        .map((a) => ({ alertname: r.name, labels: { ...a.labels, severity: r.severity } })),
    );
    firingSeen += firing.length;
    if (k % checkEvery === 0) checks.set(t, firing);
  }
  return { checks, firingSeen };
}

describe("alert states against Prometheus's rule manager", () => {
  it("bursts of failed gRPC requests: the warning pends 10 minutes, then fires", async () => {
    const scrapes = burstyFailuresFixture(0, 25);
    const { checks, firingSeen } = firingOverTime(scrapes, 2000, 15);
    expect(firingSeen).toBeGreaterThan(0);
    await promtoolCheckAlerts(etcdMixinRules, scrapes, 2000, checks);
  });

  it("a crash-looping member and then five elections", async () => {
    const scrapes = leaderChangesFixture(0);
    const { checks, firingSeen } = firingOverTime(scrapes, 15_000, 2);
    expect(firingSeen).toBeGreaterThan(0);
    await promtoolCheckAlerts(etcdMixinRules, scrapes, 15_000, checks);
  });

  it("four hours of a cluster: every rule's pending and firing", async () => {
    const scrapes = clusterFixture(0);
    const { checks, firingSeen } = firingOverTime(scrapes, 30_000, 5);
    const names = new Set(
      [...checks.values()].flat().map((a) => `${a.alertname}/${a.labels.severity}`),
    );
    expect(names.size).toBeGreaterThanOrEqual(8);
    expect(firingSeen).toBeGreaterThan(0);
    await promtoolCheckAlerts(etcdMixinRules, scrapes, 30_000, checks);
  });
});
