import type { HistoryPoint, MemberSample } from "../history/history-point";

type NumericField = {
  [K in keyof MemberSample]-?: MemberSample[K] extends number | undefined ? K : never;
}[keyof MemberSample];

/** Index of the first point no older than `spanMs` before point `index`. */
export function windowStart(
  points: readonly HistoryPoint[],
  index: number,
  spanMs: number,
): number {
  const end = points[index];
  if (!end) return index;
  const from = end.t - spanMs;
  let lo = 0;
  let hi = index;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.t ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One member's defined values of a field over points [from, to], with their times. */
export function memberSeries(
  points: readonly HistoryPoint[],
  memberId: string,
  field: NumericField,
  from: number,
  to: number,
): { t: number; v: number }[] {
  const out: { t: number; v: number }[] = [];
  for (let i = from; i <= to; i++) {
    const p = points[i];
    const v = p?.members[memberId]?.[field];
    if (p && v !== undefined && Number.isFinite(v)) out.push({ t: p.t, v });
  }
  return out;
}

/** PromQL's increase() without extrapolation: a drop is a counter reset, counted from zero. */
export function counterIncrease(series: readonly { v: number }[]): number {
  let total = 0;
  for (let i = 1; i < series.length; i++) {
    const prev = series[i - 1]?.v ?? 0;
    const cur = series[i]?.v ?? 0;
    total += cur >= prev ? cur - prev : cur;
  }
  return total;
}

/** The area under a per-second rate: how many events it stands for over the series. */
export function integrateRate(series: readonly { t: number; v: number }[]): number {
  let total = 0;
  for (let i = 1; i < series.length; i++) {
    const a = series[i - 1];
    const b = series[i];
    if (a && b) total += b.v * ((b.t - a.t) / 1000);
  }
  return total;
}

/** The average of the values; undefined for none. */
export function mean(series: readonly { v: number }[]): number | undefined {
  if (series.length === 0) return undefined;
  return series.reduce((s, x) => s + x.v, 0) / series.length;
}

/**
 * PromQL's predict_linear: the least-squares line through the series, read `aheadMs` after the
 * last sample. Undefined with fewer than two samples or no spread in time.
 */
export function predictLinear(
  series: readonly { t: number; v: number }[],
  aheadMs: number,
): number | undefined {
  const n = series.length;
  const last = series.at(-1);
  if (n < 2 || !last) return undefined;
  const mt = series.reduce((s, x) => s + x.t, 0) / n;
  const mv = series.reduce((s, x) => s + x.v, 0) / n;
  let num = 0;
  let den = 0;
  for (const x of series) {
    num += (x.t - mt) * (x.v - mv);
    den += (x.t - mt) ** 2;
  }
  if (den === 0) return undefined;
  const slope = num / den;
  return mv + slope * (last.t + aheadMs - mt);
}
