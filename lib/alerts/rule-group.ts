import { AlertingRule } from "./alerting-rule";
import type { RuleView } from "./alerts-view";
import type { ClusterSeries } from "./cluster-series";
import { etcdMixinRules } from "./etcd-mixin-rules";
import type { MixinRule, RuleSample } from "./mixin-rule";

const iso = (t: number) => new Date(t).toISOString();

function worstOf(rule: MixinRule, samples: readonly RuleSample[]): RuleSample | null {
  const finite = samples.filter((s) => Number.isFinite(s.value));
  const holding = finite.filter((s) => s.holds);
  const pool = holding.length > 0 ? holding : finite;
  let worst: RuleSample | null = null;
  for (const s of pool) {
    if (!worst || (rule.worst === "max" ? s.value > worst.value : s.value < worst.value)) worst = s;
  }
  return worst;
}

/**
 * The etcd mixin's rules evaluated together at each tick, as one Prometheus rule group:
 * every rule sees the same evaluation time, and each keeps its alerts' pending and firing
 * state from one evaluation to the next.
 */
export class RuleGroup {
  private readonly rules: AlertingRule[];

  constructor(rules: readonly MixinRule[] = etcdMixinRules) {
    this.rules = rules.map((r) => new AlertingRule(r));
  }

  /** Evaluates every rule at `t` (Unix ms) on `series` and returns each rule's state. */
  evaluate(series: ClusterSeries, t: number): RuleView[] {
    for (const r of this.rules) r.update(r.rule.evaluate(series, t), t);
    return this.view();
  }

  /** Each rule's state as of the last evaluation. */
  view(): RuleView[] {
    return this.rules.map(({ rule, samples }, i) => {
      const alerting = this.rules[i] as AlertingRule;
      const worst = worstOf(rule, samples);
      const state = alerting.state();
      return {
        name: rule.name,
        severity: rule.severity,
        forMs: rule.forMs,
        summary: rule.summary,
        condition: rule.condition,
        unit: rule.unit,
        runbookUrl: rule.runbookUrl,
        expr: rule.expr,
        state: state === "inactive" ? (worst ? "ok" : "no-data") : state,
        worst: worst ? { labels: { ...worst.labels }, value: worst.value } : null,
        alerts: alerting.alerts().map((a) => ({
          labels: { ...a.labels },
          state: a.state === "firing" ? "firing" : "pending",
          value: a.value,
          activeAt: iso(a.activeAt),
          firedAt: a.firedAt === null ? null : iso(a.firedAt),
        })),
      };
    });
  }
}
