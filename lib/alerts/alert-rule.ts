import type { HistoryPoint } from "../history/history-point";

export type AlertSeverity = "warning" | "critical";
/** How a rule's value reads: seconds, a percentage, a count, bytes, or a 0/1 condition. */
export type AlertUnit = "seconds" | "percent" | "count" | "bytes" | "ratio" | "boolean";

export interface AlertContext {
  /** Oldest first, at most one per step, as the history API serves them. */
  points: readonly HistoryPoint[];
  /** Members that vote: InsufficientMembers counts only them. */
  voterIds: readonly string[];
  /** Used when a member does not expose etcd_server_quota_backend_bytes. */
  defaultQuotaBytes: number;
}

/** A rule's value at one point: the worst member's, which member that was, and the verdict. */
export interface Measurement {
  value: number;
  memberId?: string;
  /** The rule's condition is true at this point. */
  holds: boolean;
}

/** One of the etcd mixin's alert rules, evaluated on Raftscope's history instead of PromQL. */
export interface AlertRule {
  /** The mixin's alert name. */
  name: string;
  severity: AlertSeverity;
  /** The mixin's `for:` duration: how long the condition must hold before the alert fires. */
  forMs: number;
  summary: string;
  /** The condition as an operator reads it, e.g. "WAL fsync p99 > 0.5 s". */
  condition: string;
  unit: AlertUnit;
  runbookUrl: string;
  /** How Raftscope's evaluation differs from the PromQL rule, when it does. */
  note?: string;
  /** The rule at point `index`; null when the data it needs is missing there. */
  measure(ctx: AlertContext, index: number): Measurement | null;
}
