import { formatClock } from "./format-clock";

const dayTime = new Map<string, Intl.DateTimeFormat>();

/**
 * A chart axis tick for a window `spanMs` wide: "14:03:20" up to an hour, "14:03" up to a day,
 * "Tue 14:03" beyond, so a 7-day axis names the day.
 */
export function formatAxisTime(epochMs: number, spanMs: number, timeZone?: string): string {
  if (spanMs <= 60 * 60_000) return formatClock(epochMs, timeZone);
  const withDay = spanMs > 24 * 60 * 60_000;
  const key = `${withDay}|${timeZone ?? ""}`;
  let f = dayTime.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      ...(withDay ? { weekday: "short" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
      ...(timeZone ? { timeZone } : {}),
    });
    dayTime.set(key, f);
  }
  return f.format(epochMs);
}
