import type { ValueUnit } from "../format/format-value";
import type { ClusterSeries } from "./cluster-series";
import type { Labels } from "./promql/labels";

export type AlertSeverity = "warning" | "critical";

/** One element of a rule's value expression at one evaluation, and whether the rule holds there. */
export interface RuleSample {
  labels: Labels;
  value: number;
  holds: boolean;
}

/** One of the etcd mixin's alerting rules, computed as PromQL computes its expression. */
export interface MixinRule {
  /** The mixin's alert name. */
  name: string;
  severity: AlertSeverity;
  /** The mixin's `for:` duration: how long the condition must hold before the alert fires. */
  forMs: number;
  summary: string;
  /** The condition as an operator reads it, e.g. "WAL fsync p99 > 0.5 s". */
  condition: string;
  unit: ValueUnit;
  /** Which element is the one to show when none holds: the highest, or the lowest. */
  worst: "max" | "min";
  runbookUrl: string;
  /** The mixin's PromQL with its default selector, as a Prometheus would evaluate it. */
  expr: string;
  /** The part of `expr` whose value the alert reports: `expr` without its threshold. */
  valueExpr: string;
  /** Every element of `valueExpr` at time `t` (Unix ms), with whether `expr` keeps it. */
  evaluate(series: ClusterSeries, t: number): RuleSample[];
}
