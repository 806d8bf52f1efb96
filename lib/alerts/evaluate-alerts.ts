import type { AlertContext, AlertRule, Measurement } from "./alert-rule";
import { etcdAlertRules } from "./etcd-alert-rules";

/** Prometheus's states, plus no-data when the history lacks what the rule reads. */
export type AlertState = "firing" | "pending" | "ok" | "no-data";

export interface AlertResult {
  rule: AlertRule;
  state: AlertState;
  /** The rule's value at the latest point. */
  current: Measurement | null;
  /** How long the condition has held without a break, up to the latest point. */
  activeForMs: number | null;
}

function evaluateRule(rule: AlertRule, ctx: AlertContext): AlertResult {
  const last = ctx.points.length - 1;
  const latest = ctx.points[last];
  const current = latest ? rule.measure(ctx, last) : null;
  if (!latest || !current) return { rule, state: "no-data", current: null, activeForMs: null };
  if (!current.holds) return { rule, state: "ok", current, activeForMs: null };
  // Walk back only as far as the `for:` duration needs: the run is long enough or broken.
  let since = latest.t;
  for (let i = last - 1; i >= 0 && latest.t - since < rule.forMs; i--) {
    const p = ctx.points[i];
    if (!p || !rule.measure(ctx, i)?.holds) break;
    since = p.t;
  }
  const activeForMs = latest.t - since;
  return { rule, state: activeForMs >= rule.forMs ? "firing" : "pending", current, activeForMs };
}

/**
 * Evaluates alert rules on the history as Prometheus would at the latest point: a rule whose
 * condition has held for its whole `for:` duration fires, one that holds for less is pending.
 * A gap in the data breaks the run, as a vanished series resolves a Prometheus alert.
 */
export function evaluateAlerts(
  ctx: AlertContext,
  rules: readonly AlertRule[] = etcdAlertRules,
): AlertResult[] {
  return rules.map((rule) => evaluateRule(rule, ctx));
}
