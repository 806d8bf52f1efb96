import { z } from "zod";
import type { HistoryWindow } from "@/lib/api/query-schemas";

/** The chart window when the URL names none or an unknown one. */
export const DEFAULT_WINDOW: HistoryWindow = "15m";

const windowSchema = z.enum(["5m", "15m", "1h"]).catch(DEFAULT_WINDOW);

/** Reads `?window=`; anything but 5m, 15m or 1h falls back to the default. */
export function parseWindow(value: string | null): HistoryWindow {
  return windowSchema.parse(value ?? DEFAULT_WINDOW);
}
