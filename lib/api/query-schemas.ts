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

/**
 * A count in plain decimal digits, from `min` to `max`: not "0x10", "1e2" or " 5", which a
 * number coercion would take for something else than what was typed.
 */
function decimalInteger(name: string, min: number, max: number) {
  return z
    .string()
    .regex(/^[0-9]{1,7}$/, `${name} must be a whole number, in decimal digits`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${name} must be at least ${min}`)
        .max(max, `${name} must be at most ${max}`),
    );
}

export const historyQuerySchema = z.object({
  window: z
    .enum(["5m", "15m", "1h", "6h", "24h", "7d"], {
      error: "window must be 5m, 15m, 1h, 6h, 24h or 7d",
    })
    .default("15m"),
  /** The chart's width in pixels: never send more points than it can draw. */
  points: decimalInteger("points", 10, 3600).default(600),
});

/** The most events one answer of the events API gives; the event log holds this many in memory. */
export const EVENTS_PAGE_MAX = 1000;

export const eventsQuerySchema = z.object({
  limit: decimalInteger("limit", 1, EVENTS_PAGE_MAX).default(100),
});

/**
 * Parses URLSearchParams against an object schema; unknown parameters are ignored, and one the
 * schema knows may be given once (`window=5m&window=1h` asks two things).
 * @throws ZodError naming the parameter: invalid, or given more than once.
 */
export function parseQuery<T extends z.ZodObject>(schema: T, params: URLSearchParams): z.infer<T> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    values[key] = all.length === 1 ? (all[0] as string) : all;
  }
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value) && key in schema.shape) {
      throw new z.ZodError([
        {
          code: "custom",
          path: [key],
          message: `${key} is given ${value.length} times; give it once`,
          input: value,
        },
      ]);
    }
  }
  return schema.parse(values);
}
