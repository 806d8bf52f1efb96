// Building an Intl.DateTimeFormat costs far more than using one, and chart axes format
// thousands of ticks: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hour12: false,
      ...(timeZone ? { timeZone } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Wall-clock time of day with seconds, 24-hour: "14:03:20". */
export function formatClock(epochMs: number, timeZone?: string): string {
  return formatterFor(timeZone).format(epochMs);
}
