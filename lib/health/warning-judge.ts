import { type ActiveAlert, AlertingRule } from "../alerts/alerting-rule";
import type { RuleSample } from "../alerts/mixin-rule";
import { labelKey } from "../alerts/promql/labels";
import type { HealthWarning, ObservedWarning, WarningCode } from "./cluster-health";
import { type WarningRule, warningRules } from "./warning-rules";

/** Judges one verdict's observed warnings at `t` (Unix ms): each becomes pending or firing. */
export type JudgeWarnings = (observed: readonly ObservedWarning[], t: number) => HealthWarning[];

/**
 * One alert's labels: the member it is about and its place among the warnings of the same code
 * about the same member (a member has one per slow peer; TLS can have several per cluster).
 */
function labelsOf(observed: readonly ObservedWarning[]): Array<Record<string, string>> {
  const seen = new Map<string, number>();
  return observed.map((w) => {
    const group = `${w.code}\u0000${w.memberId ?? ""}`;
    const n = seen.get(group) ?? 0;
    seen.set(group, n + 1);
    return { member: w.memberId ?? "", n: String(n) };
  });
}

/**
 * The verdict's warnings judged across verdicts by the same pending → firing state machine as
 * the etcd mixin's rules (../alerts/alerting-rule.ts), one rule per warning code with its `for`
 * from warning-rules.ts. A warning pends from the first verdict that sees it, fires once it has
 * held for its rule's `for` (at once with `for: 0`), and starts over after one verdict without
 * it. Pure but stateful: one judge per cluster, fed every verdict in order.
 */
export class WarningJudge {
  private readonly rules: ReadonlyMap<WarningCode, AlertingRule<WarningRule>>;

  constructor(rules: Readonly<Record<WarningCode, WarningRule>> = warningRules) {
    this.rules = new Map(
      Object.values(rules).map((r) => [r.code, new AlertingRule<WarningRule>(r)] as const),
    );
  }

  /** Evaluates every rule on this verdict's warnings at `t` (Unix ms); keeps their order. */
  readonly judge: JudgeWarnings = (observed, t) => {
    const labels = labelsOf(observed);
    const samples = new Map<WarningCode, RuleSample[]>();
    observed.forEach((w, i) => {
      const list = samples.get(w.code) ?? [];
      list.push({ labels: labels[i] ?? {}, value: 1, holds: true });
      samples.set(w.code, list);
    });
    const alerts = new Map<string, ActiveAlert>();
    for (const [code, rule] of this.rules) {
      rule.update(samples.get(code) ?? [], t);
      for (const a of rule.alerts()) alerts.set(`${code}\u0000${labelKey(a.labels)}`, a);
    }
    return observed.map((w, i) => {
      const alert = alerts.get(`${w.code}\u0000${labelKey(labels[i] ?? {})}`);
      return {
        ...w,
        state: alert?.state === "pending" ? "pending" : "firing",
        activeAt: new Date(alert?.activeAt ?? t).toISOString(),
      };
    });
  };
}

/**
 * A verdict judged with no verdict before it, as if every rule had already held for its `for`:
 * each warning firing since `t`. For a verdict computed once, outside any poller (tests, tools).
 */
export const judgeAlone: JudgeWarnings = (observed, t) =>
  observed.map((w) => ({ ...w, state: "firing", activeAt: new Date(t).toISOString() }));
