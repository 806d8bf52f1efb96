import { z } from "zod";
import { type HistoryWindow, isPrometheusWindow } from "@/lib/api/query-schemas";

/** The chart window when the URL names none or an unknown one. */
export const DEFAULT_WINDOW: HistoryWindow = "15m";

const windowSchema = z.enum(["5m", "15m", "1h", "6h", "24h", "7d"]).catch(DEFAULT_WINDOW);

/**
 * Reads `?window=`; an unknown window falls back to the default, and so does a Prometheus window
 * (6h, 24h, 7d) for a cluster without a Prometheus source.
 */
export function parseWindow(value: string | null, withPrometheus = false): HistoryWindow {
  const window = windowSchema.parse(value ?? DEFAULT_WINDOW);
  return isPrometheusWindow(window) && !withPrometheus ? DEFAULT_WINDOW : window;
}
