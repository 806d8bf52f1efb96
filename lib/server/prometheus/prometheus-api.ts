import "server-only";
import { z } from "zod";
import type { PrometheusSource } from "../../config/prometheus-source-schema";
import { RaftscopeError } from "../../errors";
import type { RangeSeries } from "../../prometheus/range-series";
import { getPrometheusJson } from "./prometheus-http";

// Prometheus' HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/): values are
// strings ("NaN" and "+Inf" included), timestamps float seconds.
const sampleValue = z.tuple([z.number(), z.string()]);
const envelope = z.object({
  status: z.enum(["success", "error"]),
  error: z.string().optional(),
  data: z.unknown().optional(),
});
const matrix = z.object({
  resultType: z.literal("matrix"),
  result: z.array(
    z.object({ metric: z.record(z.string(), z.string()), values: z.array(sampleValue) }),
  ),
});
const vector = z.object({
  resultType: z.literal("vector"),
  result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: sampleValue })),
});
const alerts = z.object({
  alerts: z.array(
    z.object({
      labels: z.record(z.string(), z.string()),
      annotations: z.record(z.string(), z.string()).default({}),
      state: z.string(),
      activeAt: z.string().optional(),
      value: z.string().optional(),
    }),
  ),
});

/** One active alert as Prometheus reports it at /api/v1/alerts. */
export type PrometheusAlert = z.infer<typeof alerts>["alerts"][number];

/** One sample of an instant vector. */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

async function data<T extends z.ZodType>(source: PrometheusSource, path: string, schema: T) {
  const body = envelope.safeParse(await getPrometheusJson(source, path));
  if (!body.success) {
    throw new RaftscopeError(
      "PROMETHEUS_UNAVAILABLE",
      `Prometheus ${path.split("?")[0]}: not a Prometheus API answer`,
    );
  }
  if (body.data.status === "error") {
    throw new RaftscopeError(
      "PROMETHEUS_UNAVAILABLE",
      `Prometheus ${path.split("?")[0]}: ${body.data.error ?? "error"}`,
    );
  }
  const parsed = schema.safeParse(body.data.data);
  if (!parsed.success) {
    throw new RaftscopeError(
      "PROMETHEUS_UNAVAILABLE",
      `Prometheus ${path.split("?")[0]}: unexpected answer shape`,
    );
  }
  return parsed.data as z.infer<T>;
}

/** `query_range` from `startMs` to `endMs` every `stepSeconds`; samples in ms. */
export async function queryRange(
  source: PrometheusSource,
  expr: string,
  startMs: number,
  endMs: number,
  stepSeconds: number,
): Promise<RangeSeries[]> {
  const params = new URLSearchParams({
    query: expr,
    start: String(startMs / 1000),
    end: String(endMs / 1000),
    step: String(stepSeconds),
    timeout: `${Math.floor(source.deadlineMs / 1000) || 1}s`,
  });
  const m = await data(source, `api/v1/query_range?${params}`, matrix);
  return m.result.map((r) => ({
    labels: r.metric,
    samples: r.values.map(([t, v]) => [Math.round(t * 1000), Number(v)] as const),
  }));
}

/** An instant query evaluated now. */
export async function queryInstant(
  source: PrometheusSource,
  expr: string,
): Promise<InstantSample[]> {
  const params = new URLSearchParams({ query: expr });
  const v = await data(source, `api/v1/query?${params}`, vector);
  return v.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
}

/** Every pending and firing alert Prometheus evaluates (/api/v1/alerts). */
export async function activeAlerts(source: PrometheusSource): Promise<PrometheusAlert[]> {
  return (await data(source, "api/v1/alerts", alerts)).alerts;
}
