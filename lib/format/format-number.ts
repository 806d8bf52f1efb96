/** A plain number with at most three significant digits after the point: 1234, 12.3, 0.0123. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString("en-US");
  if (abs >= 1) return value.toFixed(abs >= 10 ? 1 : 2);
  return value.toPrecision(2);
}
