import { describe, expect, it } from "vitest";
import {
  burstyFailuresFixture,
  type FixtureScrape,
  leaderChangesFixture,
  MINUTE,
  perMethodFixture,
} from "../test-factories/alert-fixtures";
import type { RuleView } from "./alerts-view";
import { ClusterSeries } from "./cluster-series";
import { etcdMixinRules } from "./etcd-mixin-rules";
import { RuleGroup } from "./rule-group";

const START = 1_700_000_000_000 - (1_700_000_000_000 % (60 * MINUTE));

/** Plays the scrapes into a rule group evaluated every `stepMs`, as the server does. */
function play(scrapes: readonly FixtureScrape[], until: number, stepMs = 2000): RuleView[] {
  const series = new ClusterSeries();
  const group = new RuleGroup();
  let next = 0;
  let view: RuleView[] = group.view();
  for (let t = START; t <= until; t += stepMs) {
    while (next < scrapes.length && (scrapes[next] as FixtureScrape).at <= t) {
      const s = scrapes[next++] as FixtureScrape;
      series.record(s.memberId, s.at, s.series);
    }
    view = group.evaluate(series, t);
  }
  return view;
}

const find = (view: RuleView[], name: string, severity = "warning") => {
  const r = view.find((x) => x.name === name && x.severity === severity);
  if (!r) throw new Error(`no ${name} (${severity})`);
  return r;
};

describe("RuleGroup on the etcd mixin's rules", () => {
  it("judges failed gRPC requests per method: a failing Watch is not hidden by busy Range", () => {
    const view = play(perMethodFixture(START), START + 5 * MINUTE);
    const grpc = find(view, "etcdHighNumberOfFailedGRPCRequests");
    expect(grpc.worst?.labels.grpc_method).toBe("Watch");
    expect(grpc.worst?.value).toBeCloseTo(20, 9);
    expect(grpc.state).toBe("pending");
    expect(grpc.alerts.map((a) => a.labels.grpc_method)).toEqual(["Watch"]);
  });

  it("sees 1.2 % from bursts every 10 s at full resolution: warning fires, critical does not", () => {
    const view = play(burstyFailuresFixture(START, 25), START + 25 * MINUTE);
    const warning = find(view, "etcdHighNumberOfFailedGRPCRequests");
    const critical = find(view, "etcdHighNumberOfFailedGRPCRequests", "critical");
    expect(warning.worst?.value).toBeGreaterThan(1.15);
    expect(warning.worst?.value).toBeLessThan(1.3);
    expect(warning.state).toBe("firing");
    expect(critical.state).toBe("ok");
  });

  it("counts no leader change for a crash-looping member, and fires on five real elections", () => {
    const scrapes = leaderChangesFixture(START);
    const during = find(
      play(scrapes, START + 29 * MINUTE, 15_000),
      "etcdHighNumberOfLeaderChanges",
    );
    expect(during.worst?.value).toBe(0);
    expect(during.state).toBe("ok");
    const after = find(play(scrapes, START + 46 * MINUTE, 15_000), "etcdHighNumberOfLeaderChanges");
    expect(after.worst?.value).toBeGreaterThanOrEqual(4);
    expect(after.state).toBe("firing");
  });

  it("has no data for rules whose metrics no member exposes", () => {
    const view = play(perMethodFixture(START), START + 5 * MINUTE);
    expect(find(view, "etcdHighFsyncDurations").state).toBe("no-data");
    expect(view).toHaveLength(etcdMixinRules.length);
  });
});
