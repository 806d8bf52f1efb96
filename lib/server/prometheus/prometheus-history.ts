import "server-only";
import type { PrometheusSource } from "../../config/prometheus-source-schema";
import type { HistoryPoint } from "../../history/history-point";
import {
  etcdMixinQueries,
  type PromChartField,
  rateWindowSeconds,
} from "../../prometheus/etcd-mixin-queries";
import type { MemberIdentity } from "../../prometheus/match-member";
import type { RangeSeries } from "../../prometheus/range-series";
import { rangeToHistory } from "../../prometheus/range-to-history";
import { queryRange } from "./prometheus-api";

interface Cached {
  at: number;
  points: Promise<HistoryPoint[]>;
}

/** Every viewer of one window asks the same thing: one set of queries per step, shared. */
const cache = new Map<string, Cached>();
const MAX_CACHED = 64;

/**
 * The chart history for `spanMs` before `nowMs` from the cluster's Prometheus: one `query_range`
 * per chart field (the etcd mixin's expressions, etcd-mixin-queries.ts) at a step of
 * `spanMs / maxPoints` (at least 1 s), members matched by `source.memberLabel`. The answer is
 * reused for one step (at most 60 s), so refetching viewers add no load. Throws
 * PROMETHEUS_UNAVAILABLE when a query fails; a field with no series is simply absent.
 */
export function prometheusHistory(input: {
  clusterId: string;
  source: PrometheusSource;
  members: readonly MemberIdentity[];
  spanMs: number;
  maxPoints: number;
  nowMs: number;
}): Promise<HistoryPoint[]> {
  const stepSeconds = Math.max(1, Math.ceil(input.spanMs / input.maxPoints / 1000));
  const key = `${input.clusterId}|${input.spanMs}|${stepSeconds}`;
  const hit = cache.get(key);
  if (hit && input.nowMs - hit.at < Math.min(stepSeconds * 1000, 60_000)) return hit.points;

  const points = load(input, stepSeconds);
  cache.set(key, { at: input.nowMs, points });
  // A failed answer is not kept: the next viewer tries again.
  points.catch(() => cache.get(key)?.points === points && cache.delete(key));
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return points;
}

async function load(
  input: Parameters<typeof prometheusHistory>[0],
  stepSeconds: number,
): Promise<HistoryPoint[]> {
  const { source } = input;
  const range = rateWindowSeconds(stepSeconds, source.scrapeIntervalSeconds);
  const queries = etcdMixinQueries(source.selector, source.memberLabel, range);
  // Evaluation times are start + k·step: counting back whole steps from now puts the last point
  // at now, where a window that is not a multiple of the step would end up to a step early.
  const start = input.nowMs - Math.floor(input.spanMs / 1000 / stepSeconds) * stepSeconds * 1000;
  const results = await Promise.all(
    (Object.entries(queries) as [PromChartField, string][]).map(
      async ([field, expr]): Promise<[PromChartField, RangeSeries[]]> => [
        field,
        await queryRange(source, expr, start, input.nowMs, stepSeconds),
      ],
    ),
  );
  return rangeToHistory({
    results: Object.fromEntries(results),
    memberLabel: source.memberLabel,
    members: input.members,
  });
}
