/**
 * Per-second increase of a counter between two scrapes `seconds` apart. A counter that fell
 * was reset by a restart within the interval, so its whole new value is the increase, as in
 * Prometheus's rate(). Never negative: undefined when either value is missing, negative or
 * not finite, or when the interval is not positive.
 */
export function counterRate(
  prev: number | undefined,
  next: number | undefined,
  seconds: number,
): number | undefined {
  if (prev === undefined || next === undefined) return undefined;
  if (!(Number.isFinite(prev) && Number.isFinite(next) && Number.isFinite(seconds))) {
    return undefined;
  }
  if (prev < 0 || next < 0 || seconds <= 0) return undefined;
  const increase = next >= prev ? next - prev : next;
  return increase / seconds;
}
