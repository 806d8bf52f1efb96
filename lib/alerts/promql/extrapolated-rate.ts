import type { Sample } from "./instant-vector";

/** What PromQL's rate() and increase() need to know about a range selector. */
export interface RateWindow {
  /** The evaluation time, Unix milliseconds: the range is [end − rangeMs, end]. */
  end: number;
  rangeMs: number;
}

/**
 * PromQL's extrapolatedRate (Prometheus 2.42 promql/functions.go) for a counter: increase()
 * with `perSecond` false, rate() with it true. A drop in value is a counter reset: the value
 * before the drop is added back, so a restart never counts as a negative change nor its new
 * value as a change of its own. The result is extrapolated towards the window's edges when
 * the first and last samples lie within 1.1 average sample intervals of them (half an
 * interval otherwise), and never to before the counter's extrapolated zero. Undefined with
 * fewer than two samples, as Prometheus drops the series.
 */
export function extrapolatedRate(
  samples: readonly Sample[],
  window: RateWindow,
  perSecond: boolean,
): number | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (samples.length < 2 || first === undefined || last === undefined) return undefined;
  let result = last.v - first.v;
  let prev = first.v;
  for (let i = 1; i < samples.length; i++) {
    const v = (samples[i] as Sample).v;
    if (v < prev) result += prev;
    prev = v;
  }
  const rangeStart = window.end - window.rangeMs;
  let durationToStart = (first.t - rangeStart) / 1000;
  const durationToEnd = (window.end - last.t) / 1000;
  const sampledInterval = (last.t - first.t) / 1000;
  const averageInterval = sampledInterval / (samples.length - 1);
  if (result > 0 && first.v >= 0) {
    const durationToZero = sampledInterval * (first.v / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = averageInterval * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : averageInterval / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : averageInterval / 2;
  let factor = extrapolateTo / sampledInterval;
  if (perSecond) factor /= window.rangeMs / 1000;
  return result * factor;
}
