import { z } from "zod";

/** The alert rules' state as the server pushes it and the page renders it: the API contract. */

export const ruleStateSchema = z.enum(["firing", "pending", "ok", "no-data"]);

const labelsSchema = z.record(z.string(), z.string());

export const alertViewSchema = z.object({
  labels: labelsSchema,
  state: z.enum(["pending", "firing"]),
  value: z.number(),
  /** When the condition started to hold for these labels (ISO 8601). */
  activeAt: z.string(),
  firedAt: z.string().nullable(),
});

export const ruleViewSchema = z.object({
  name: z.string(),
  severity: z.enum(["warning", "critical"]),
  forMs: z.number(),
  summary: z.string(),
  condition: z.string(),
  unit: z.enum(["seconds", "bytes", "percent", "rate", "count", "ratio", "boolean"]),
  runbookUrl: z.string(),
  /** The mixin's PromQL the state was computed by. */
  expr: z.string(),
  /** `firing` or `pending` when any alert is; `no-data` when the expression has no value. */
  state: ruleStateSchema,
  /** The element to show: the worst of those that hold, else the worst of all; null without data. */
  worst: z.object({ labels: labelsSchema, value: z.number() }).nullable(),
  alerts: z.array(alertViewSchema),
});

export const clusterAlertsSchema = z.object({
  /** Raftscope's id for the cluster. */
  clusterId: z.string(),
  /** When the rules were last evaluated (ISO 8601); null before the first evaluation. */
  evaluatedAt: z.string().nullable(),
  /** How often the server evaluates the rules. */
  intervalMs: z.number(),
  rules: z.array(ruleViewSchema),
});

export type RuleState = z.infer<typeof ruleStateSchema>;
export type AlertView = z.infer<typeof alertViewSchema>;
export type RuleView = z.infer<typeof ruleViewSchema>;
export type ClusterAlerts = z.infer<typeof clusterAlertsSchema>;
