import { extrapolatedRate, type RateWindow } from "./promql/extrapolated-rate";
import type { RangeSeries, Sample, VectorSample } from "./promql/instant-vector";
import type { Labels } from "./promql/labels";
import {
  alertInputs,
  LONGEST_INPUT_MS,
  type ScrapedSeries,
  zeroFilledInputs,
} from "./scraped-series";

/** PromQL's default lookback for instant selectors. */
export const LOOKBACK_MS = 5 * 60_000;

/**
 * One series, stored as the points where its value changed: etcd exposes hundreds of gRPC
 * counters per member and nearly all of them stand still. `null` marks the series absent
 * from a scrape (or the scrape failed): Prometheus's stale marker.
 */
interface StoredSeries {
  name: string;
  labels: Labels;
  changedAt: number[];
  values: (number | null)[];
  /** The last scrape (TargetSeries' generation) that exposed it. */
  seen: number;
}

/** Index of the last element of the ascending `xs` at or before `t`; -1 when none. */
function lastAtOrBefore(xs: readonly number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Everything one scrape target (one etcd member) said about the alert rules' inputs, at full
 * resolution, as Prometheus's TSDB would hold it: every scrape's time and success, and each
 * series' value at each scrape. Labels get `job` and `instance` as Prometheus adds them.
 */
export class TargetSeries {
  private readonly times: number[] = [];
  private readonly ok: boolean[] = [];
  /** By metric name, then by label set. */
  private readonly series = new Map<string, Map<string, StoredSeries>>();
  /** Counts scrapes recorded, to mark the series each one exposed. */
  private generation = 0;

  constructor(
    readonly job: string,
    readonly instance: string,
  ) {}

  /**
   * Adds one scrape at `at` (Unix ms): its series, or null when it failed (Prometheus then
   * records up 0 and marks every series stale). Scrapes not newer than the last are ignored.
   * Series of `zeroFilledInputs` may come without their zero lines (see there).
   */
  record(at: number, scraped: readonly ScrapedSeries[] | null): void {
    const last = this.times.at(-1);
    if (last !== undefined && at <= last) return;
    this.times.push(at);
    this.ok.push(scraped !== null);
    this.generation++;
    const present = new Set<string>();
    for (const s of scraped ?? []) {
      if (!Object.hasOwn(alertInputs, s.name)) continue;
      let family = this.series.get(s.name);
      if (!family) {
        family = new Map();
        this.series.set(s.name, family);
      }
      present.add(s.name);
      // A member exposes a series' labels in the same order every scrape: no sort needed here.
      let key = s.key;
      if (key === undefined) {
        key = "";
        for (const name in s.labels) key += `${name}\u0000${s.labels[name]}\u0001`;
      }
      let stored = family.get(key);
      if (!stored) {
        const labels = { ...s.labels, job: this.job, instance: this.instance };
        stored = { name: s.name, labels, changedAt: [], values: [], seen: 0 };
        family.set(key, stored);
        if (zeroFilledInputs.has(s.name)) this.backfillZeros(stored, at);
      }
      stored.seen = this.generation;
      const prev = stored.values.at(-1);
      if (prev === undefined || prev === null || !Object.is(prev, s.value)) {
        stored.changedAt.push(at);
        stored.values.push(s.value);
      }
    }
    for (const [name, family] of this.series) {
      // Missing from a scrape that has its family, a zero-filled series was exposed as 0.
      const missing = zeroFilledInputs.has(name) && present.has(name) ? 0 : null;
      for (const stored of family.values()) {
        if (stored.seen !== this.generation && stored.values.at(-1) !== missing) {
          stored.changedAt.push(at);
          stored.values.push(missing);
        }
      }
    }
  }

  /**
   * A zero-filled series seen for the first time at `at` was exposed at 0 by every earlier
   * scrape that succeeded (and stale at those that failed), as far back as a rule reads it.
   */
  private backfillZeros(stored: StoredSeries, at: number): void {
    const from = at - (alertInputs[stored.name] ?? LONGEST_INPUT_MS) - LOOKBACK_MS;
    for (let i = Math.max(0, lastAtOrBefore(this.times, from)); i < this.times.length - 1; i++) {
      const value = this.ok[i] ? 0 : null;
      if (stored.values.length === 0 || stored.values.at(-1) !== value) {
        stored.changedAt.push(this.times[i] as number);
        stored.values.push(value);
      }
    }
  }

  /** Forgets what no rule will read again at or after `now`. */
  prune(now: number): void {
    const keepFrom = lastAtOrBefore(this.times, now - LONGEST_INPUT_MS);
    if (keepFrom > 0) {
      this.times.splice(0, keepFrom);
      this.ok.splice(0, keepFrom);
    }
    for (const [name, family] of this.series) {
      const cutoff = now - (alertInputs[name] ?? LONGEST_INPUT_MS) - LOOKBACK_MS;
      for (const [key, s] of family) {
        const from = lastAtOrBefore(s.changedAt, cutoff);
        if (from > 0) {
          s.changedAt.splice(0, from);
          s.values.splice(0, from);
        }
        // A zero-filled series at 0 all along is as good as one never seen (see record).
        const gone = s.values[0] === null || (s.values[0] === 0 && zeroFilledInputs.has(name));
        if (s.values.length === 1 && gone && (s.changedAt[0] ?? 0) <= cutoff) {
          family.delete(key);
        }
      }
    }
  }

  /** The scrape indexes inside [from, to], or null when none. */
  private scrapesIn(from: number, to: number): [number, number] | null {
    const last = lastAtOrBefore(this.times, to);
    const first = lastAtOrBefore(this.times, from - 1) + 1;
    return first <= last ? [first, last] : null;
  }

  private named(name: string): Iterable<StoredSeries> {
    return this.series.get(name)?.values() ?? [];
  }

  /** `up` at `t`: 1 or 0 by the latest scrape within the lookback, none without one. */
  up(t: number): VectorSample[] {
    const i = lastAtOrBefore(this.times, t);
    const at = this.times[i];
    if (at === undefined || at < t - LOOKBACK_MS) return [];
    return [{ labels: { job: this.job, instance: this.instance }, value: this.ok[i] ? 1 : 0 }];
  }

  /** An instant selector `name` at `t`: each series' value at the latest scrape in the lookback. */
  instant(name: string, t: number): VectorSample[] {
    const i = lastAtOrBefore(this.times, t);
    const at = this.times[i];
    if (at === undefined || at < t - LOOKBACK_MS) return [];
    return [...this.named(name)].flatMap((s) => {
      const v = s.values[lastAtOrBefore(s.changedAt, at)];
      return v === undefined || v === null ? [] : [{ labels: s.labels, value: v }];
    });
  }

  /** A range selector `name[rangeMs]` at `end`: samples in [end − rangeMs, end], stale ones left out. */
  range(name: string, end: number, rangeMs: number): RangeSeries[] {
    const span = this.scrapesIn(end - rangeMs, end);
    if (!span) return [];
    return [...this.named(name)].flatMap((s) => {
      const samples = this.samplesOf(s, span);
      return samples.length > 0 ? [{ labels: s.labels, samples }] : [];
    });
  }

  private samplesOf(s: StoredSeries, [first, last]: [number, number]): Sample[] {
    const out: Sample[] = [];
    let j = lastAtOrBefore(s.changedAt, this.times[first] as number);
    for (let i = first; i <= last; i++) {
      const t = this.times[i] as number;
      while (j + 1 < s.changedAt.length && (s.changedAt[j + 1] as number) <= t) j++;
      const v = s.values[j];
      if (v !== undefined && v !== null) out.push({ t, v });
    }
    return out;
  }

  /**
   * rate(name[window]) (or increase() when `perSecond` is false) of every series of `name`.
   * A series that did not change inside the window has rate 0 without reading its samples.
   */
  rates(name: string, window: RateWindow, perSecond: boolean): VectorSample[] {
    const span = this.scrapesIn(window.end - window.rangeMs, window.end);
    if (!span) return [];
    const [first, last] = span;
    return [...this.named(name)].flatMap((s) => {
      const j = lastAtOrBefore(s.changedAt, this.times[last] as number);
      const standing = j >= 0 && (s.changedAt[j] as number) <= (this.times[first] as number);
      const value = standing
        ? s.values[j] === null || last === first
          ? undefined
          : 0
        : extrapolatedRate(this.samplesOf(s, span), window, perSecond);
      return value === undefined ? [] : [{ labels: s.labels, value }];
    });
  }
}
