import type { RateWindow } from "./promql/extrapolated-rate";
import type { RangeSeries, VectorSample } from "./promql/instant-vector";
import type { ScrapedSeries } from "./scraped-series";
import { TargetSeries } from "./target-series";

/** The `job` label Raftscope's scrapes carry; the mixin selects `job=~".*etcd.*"`. */
export const SCRAPE_JOB = "etcd";

/**
 * One cluster's alert inputs: a TargetSeries per member, keyed by the member's hex id, which
 * is the `instance` label. The rules read it the way PromQL reads a TSDB.
 */
export class ClusterSeries {
  private readonly targets = new Map<string, TargetSeries>();
  private memoAt = Number.NaN;
  private readonly memo = new Map<string, unknown>();

  /**
   * `compute()` once per evaluation time: a rule's warning and critical variants share one
   * expression, as Prometheus would compute it twice at the same time with the same result.
   */
  once<T>(key: string, t: number, compute: () => T): T {
    if (t !== this.memoAt) {
      this.memo.clear();
      this.memoAt = t;
    }
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  /** Adds one scrape of member `memberId`; null when the scrape failed. */
  record(memberId: string, at: number, scraped: readonly ScrapedSeries[] | null): void {
    let target = this.targets.get(memberId);
    if (!target) {
      target = new TargetSeries(SCRAPE_JOB, memberId);
      this.targets.set(memberId, target);
    }
    target.record(at, scraped);
    target.prune(at);
    this.memoAt = Number.NaN;
  }

  /** Drops members no longer in the cluster, as Prometheus drops a target that left discovery. */
  keepOnly(memberIds: ReadonlySet<string>): void {
    for (const id of this.targets.keys()) if (!memberIds.has(id)) this.targets.delete(id);
  }

  up(t: number): VectorSample[] {
    return [...this.targets.values()].flatMap((x) => x.up(t));
  }

  instant(name: string, t: number): VectorSample[] {
    return [...this.targets.values()].flatMap((x) => x.instant(name, t));
  }

  range(name: string, end: number, rangeMs: number): RangeSeries[] {
    return [...this.targets.values()].flatMap((x) => x.range(name, end, rangeMs));
  }

  rate(name: string, window: RateWindow): VectorSample[] {
    return [...this.targets.values()].flatMap((x) => x.rates(name, window, true));
  }
}
