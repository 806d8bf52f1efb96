import { z } from "zod";

/** An alert Prometheus itself evaluates for the cluster, as the alert panel shows it. */
export const prometheusAlertViewSchema = z.object({
  name: z.string(),
  state: z.enum(["firing", "pending"]),
  severity: z.string().nullable(),
  /** When the alert became pending, ISO 8601; null when Prometheus did not say. */
  activeAt: z.string().nullable(),
  /** The `summary` annotation, else `description` or `message` (older mixins). */
  summary: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
});

export const prometheusAlertsResponseSchema = z.object({
  /** The Prometheus the alerts come from, without credentials. */
  source: z.string(),
  alerts: z.array(prometheusAlertViewSchema),
});

export type PrometheusAlertView = z.infer<typeof prometheusAlertViewSchema>;
export type PrometheusAlertsResponse = z.infer<typeof prometheusAlertsResponseSchema>;
