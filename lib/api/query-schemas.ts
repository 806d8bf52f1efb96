import { z } from "zod";

export const historyWindows = {
  "5m": 5 * 60_000,
  "15m": 15 * 60_000,
  "1h": 60 * 60_000,
  "6h": 6 * 60 * 60_000,
  "24h": 24 * 60 * 60_000,
  "7d": 7 * 24 * 60 * 60_000,
} as const;
export type HistoryWindow = keyof typeof historyWindows;

/** Windows beyond Raftscope's in-memory hour: read from the cluster's Prometheus. */
export const prometheusWindows = ["6h", "24h", "7d"] as const satisfies readonly HistoryWindow[];

export function isPrometheusWindow(w: HistoryWindow): boolean {
  return (prometheusWindows as readonly HistoryWindow[]).includes(w);
}

export const historyQuerySchema = z.object({
  window: z
    .enum(["5m", "15m", "1h", "6h", "24h", "7d"], {
      error: "window must be 5m, 15m, 1h, 6h, 24h or 7d",
    })
    .default("15m"),
  /** The chart's width in pixels: never send more points than it can draw. */
  points: z.coerce
    .number({ error: "points must be a number" })
    .int("points must be an integer")
    .min(10, "points must be at least 10")
    .max(3600, "points must be at most 3600")
    .default(600),
});

export const eventsQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be an integer")
    .min(1, "limit must be at least 1")
    .max(1000, "limit must be at most 1000")
    .default(100),
});

/** Parses URLSearchParams against a schema; unknown parameters are ignored. */
export function parseQuery<T extends z.ZodType>(schema: T, params: URLSearchParams): z.infer<T> {
  return schema.parse(Object.fromEntries(params));
}
