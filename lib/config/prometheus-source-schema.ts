import { z } from "zod";

const filePath = z.string({ error: "expected a file path" }).min(1, "expected a file path");

// One PromQL label matcher: name, operator, double-quoted value (Prometheus' string escapes).
const matcher = String.raw`[a-zA-Z_][a-zA-Z0-9_]*\s*(?:=~|!~|!=|=)\s*"(?:[^"\\]|\\.)*"`;
const matcherList = new RegExp(String.raw`^\s*(?:${matcher}\s*(?:,\s*${matcher}\s*)*,?\s*)?$`);

/**
 * Label matchers that pick one cluster's etcd series in Prometheus, as written between a
 * selector's braces: `job="etcd", cluster="prod-eu"`. Braces around it are accepted and dropped.
 */
export const promSelectorSchema = z
  .string()
  .transform((s) =>
    s
      .trim()
      .replace(/^\{([\s\S]*)\}$/, "$1")
      .trim(),
  )
  .refine((s) => matcherList.test(s), {
    message: 'expected PromQL label matchers like job="etcd", cluster="prod-eu"',
  });

/** Prometheus (or Thanos Query, Mimir) holding the cluster's etcd metrics: longer chart windows and its alerts. */
export const prometheusSourceSchema = z.strictObject({
  /** The query API's base, e.g. https://prometheus.monitoring:9090 (Mimir: …/prometheus). */
  url: z
    .url({ protocol: /^https?$/, error: "expected a URL like https://prometheus:9090" })
    .transform((u) => u.replace(/\/+$/, "")),
  selector: promSelectorSchema.default(""),
  /** The label naming the member's scrape target; matched to its client URL's host:port, its name or its id. */
  memberLabel: z
    .string()
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "expected a label name like instance")
    .default("instance"),
  /** Prometheus' scrape interval for etcd: rate windows span at least four of them, as Grafana's $__rate_interval. */
  scrapeIntervalSeconds: z.number().int().min(1).max(3600).default(15),
  /** Deadline of each query, in milliseconds. */
  deadlineMs: z.number().int().min(100).max(60_000).default(10_000),
  tls: z
    .strictObject({ ca: filePath.optional(), cert: filePath.optional(), key: filePath.optional() })
    .refine((t) => (t.cert === undefined) === (t.key === undefined), {
      message: "expected cert and key together",
    })
    .optional(),
  /** A file holding a Bearer token for Prometheus (or the proxy in front of it). */
  bearer: z.strictObject({ file: filePath }).optional(),
});

export type PrometheusSource = z.infer<typeof prometheusSourceSchema>;
