import type { ClusterSeries } from "./cluster-series";
import type { MixinRule, RuleSample } from "./mixin-rule";
import {
  countWithout,
  histogramQuantileOf,
  matchOneToOne,
  maxWithout,
  sumWithout,
} from "./promql/aggregate";
import { extrapolatedRate } from "./promql/extrapolated-rate";
import type { Sample, VectorSample } from "./promql/instant-vector";
import { labelKey } from "./promql/labels";
import { predictLinear } from "./promql/predict-linear";

const MINUTE = 60_000;
const RUNBOOKS = "https://runbooks.prometheus-operator.dev/runbooks/etcd";
/** The mixin's default etcd_selector. */
const SEL = 'job=~".*etcd.*"';
/** The mixin's default scrape_interval_seconds (30) times 4, its peer-failure range. */
const NETWORK_FAILURE_RANGE_MS = 120_000;
/** The codes etcdHighNumberOfFailedGRPCRequests counts as failed; Canceled and OK are not. */
export const GRPC_FAILURE_CODES: readonly string[] = [
  "Unknown",
  "FailedPrecondition",
  "ResourceExhausted",
  "Internal",
  "Unavailable",
  "DataLoss",
  "DeadlineExceeded",
];
const FRAGMENTATION_MIN_IN_USE = 104857600;

const judged = (vector: readonly VectorSample[], holds: (v: number) => boolean): RuleSample[] =>
  vector.map((s) => ({ ...s, holds: holds(s.value) }));

const lastOverTime = (series: ClusterSeries, name: string, t: number): VectorSample[] =>
  series.range(name, t, 5 * MINUTE).flatMap((r) => {
    const last = r.samples.at(-1);
    return last ? [{ labels: r.labels, value: last.v }] : [];
  });

function quantile99(series: ClusterSeries, bucket: string, t: number): VectorSample[] {
  return series.once(`p99 ${bucket}`, t, () =>
    histogramQuantileOf(0.99, series.rate(bucket, { end: t, rangeMs: 5 * MINUTE })),
  );
}

/** The mixin's 5-minute failed-request percentage of each member's gRPC service and method. */
function failedGrpcPercent(series: ClusterSeries, t: number): VectorSample[] {
  return series.once("failed gRPC", t, () => computeFailedGrpcPercent(series, t));
}

function computeFailedGrpcPercent(series: ClusterSeries, t: number): VectorSample[] {
  const rates = series.rate("grpc_server_handled_total", { end: t, rangeMs: 5 * MINUTE });
  const by = ["grpc_type", "grpc_code"];
  const failed = sumWithout(
    rates.filter((s) => GRPC_FAILURE_CODES.includes(s.labels.grpc_code ?? "")),
    by,
  );
  // A method whose failure codes never counted has none of their series kept (they are
  // zero-filled, see scraped-series.ts); Prometheus holds them at 0 and computes 0 %.
  const failedBy = new Map(failed.map((f) => [labelKey(f.labels), f.value]));
  return sumWithout(rates, by).map((all) => ({
    labels: all.labels,
    value: (100 * (failedBy.get(labelKey(all.labels)) ?? 0)) / all.value,
  }));
}

/**
 * increase((max without (instance) (x) or 0*absent(x))[15m:1m]): the inner expression at each
 * whole minute of the last 15 (Prometheus aligns subquery steps to multiples of the step),
 * then increase() over those points with its reset handling and extrapolation.
 */
function leaderChangesIncrease(series: ClusterSeries, t: number): VectorSample[] {
  const range = 15 * MINUTE;
  const step = MINUTE;
  let start = step * Math.floor((t - range) / step);
  if (start < t - range) start += step;
  const points = new Map<string, { labels: VectorSample["labels"]; samples: Sample[] }>();
  for (let s = start; s <= t; s += step) {
    const seen = series.instant("etcd_server_leader_changes_seen_total", s);
    const inner = seen.length > 0 ? maxWithout(seen, ["instance"]) : [{ labels: {}, value: 0 }];
    for (const x of inner) {
      const key = labelKey(x.labels);
      const entry = points.get(key) ?? { labels: x.labels, samples: [] };
      entry.samples.push({ t: s, v: x.value });
      points.set(key, entry);
    }
  }
  return [...points.values()].flatMap(({ labels, samples }) => {
    const value = extrapolatedRate(samples, { end: t, rangeMs: range }, false);
    return value === undefined ? [] : [{ labels, value }];
  });
}

function membersDown(series: ClusterSeries, t: number): VectorSample[] {
  const up = series.up(t);
  if (up.length > 0) {
    return sumWithout(
      up.map((s) => ({ labels: s.labels, value: s.value === 0 ? 1 : 0 })),
      ["instance"],
    );
  }
  // `A or B` takes B only where A has no series with the same labels: here, when no `up`.
  const failing = sumWithout(
    series.rate("etcd_network_peer_sent_failures_total", {
      end: t,
      rangeMs: NETWORK_FAILURE_RANGE_MS,
    }),
    ["instance"],
  ).filter((s) => s.value > 0.01);
  return countWithout(failing, ["To"]);
}

const failedGrpc = (threshold: number, severity: "warning" | "critical", forMs: number) => {
  const valueExpr = `100 * sum(rate(grpc_server_handled_total{${SEL}, grpc_code=~"${GRPC_FAILURE_CODES.join("|")}"}[5m])) without (grpc_type, grpc_code) / sum(rate(grpc_server_handled_total{${SEL}}[5m])) without (grpc_type, grpc_code)`;
  return {
    name: "etcdHighNumberOfFailedGRPCRequests",
    severity,
    forMs,
    summary: "etcd cluster has high number of failed gRPC requests",
    condition: `failed requests of one gRPC method > ${threshold} % over 5 minutes`,
    unit: "percent",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdhighnumberoffailedgrpcrequests/`,
    expr: `${valueExpr} > ${threshold}`,
    valueExpr,
    evaluate: (series, t) => judged(failedGrpcPercent(series, t), (v) => v > threshold),
  } satisfies MixinRule;
};

const fsync = (threshold: number, severity: "warning" | "critical") => {
  const valueExpr = `histogram_quantile(0.99, rate(etcd_disk_wal_fsync_duration_seconds_bucket{${SEL}}[5m]))`;
  return {
    name: "etcdHighFsyncDurations",
    severity,
    forMs: 10 * MINUTE,
    summary: "etcd cluster 99th percentile fsync durations are too high",
    condition: `WAL fsync p99 > ${threshold} s over 5 minutes`,
    unit: "seconds",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdhighfsyncdurations/`,
    expr: `${valueExpr} > ${threshold}`,
    valueExpr,
    evaluate: (series, t) =>
      judged(
        quantile99(series, "etcd_disk_wal_fsync_duration_seconds_bucket", t),
        (v) => v > threshold,
      ),
  } satisfies MixinRule;
};

const leaderChangesExpr = `increase((max without (instance) (etcd_server_leader_changes_seen_total{${SEL}}) or 0*absent(etcd_server_leader_changes_seen_total{${SEL}}))[15m:1m])`;
const membersDownExpr = `max without (endpoint) (sum without (instance) (up{${SEL}} == bool 0) or count without (To) (sum without (instance) (rate(etcd_network_peer_sent_failures_total{${SEL}}[120s])) > 0.01))`;
const quotaExpr = `(last_over_time(etcd_mvcc_db_total_size_in_bytes{${SEL}}[5m]) / last_over_time(etcd_server_quota_backend_bytes{${SEL}}[5m]))*100`;
const growthExpr = `predict_linear(etcd_mvcc_db_total_size_in_bytes{${SEL}}[4h], 4*60*60)`;
const fragmentationExpr = `(last_over_time(etcd_mvcc_db_total_size_in_use_in_bytes{${SEL}}[5m]) / last_over_time(etcd_mvcc_db_total_size_in_bytes{${SEL}}[5m]))`;

/**
 * The etcd mixin's alerting rules (etcd-io/etcd contrib/mixin/alerts/alerts.libsonnet, with
 * its default config: `job=~".*etcd.*"`, `instance` as the instance label, a 30 s scrape
 * interval), each computed from the members' raw scrapes exactly as Prometheus 2.42 computes
 * the PromQL in `expr`. etcdGRPCRequestsSlow is left out: its histogram exists only with
 * etcd's `--metrics=extensive`.
 */
export const etcdMixinRules: readonly MixinRule[] = [
  {
    name: "etcdMembersDown",
    severity: "warning",
    forMs: 20 * MINUTE,
    summary: "etcd cluster members are down",
    condition: "members whose /metrics scrape fails > 0",
    unit: "count",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdmembersdown/`,
    expr: `${membersDownExpr} > 0`,
    valueExpr: membersDownExpr,
    evaluate: (series, t) => judged(membersDown(series, t), (v) => v > 0),
  },
  {
    name: "etcdInsufficientMembers",
    severity: "critical",
    forMs: 3 * MINUTE,
    summary: "etcd cluster has insufficient number of members",
    condition: "members up < (members + 1) / 2",
    unit: "count",
    worst: "min",
    runbookUrl: `${RUNBOOKS}/etcdinsufficientmembers/`,
    expr: `sum(up{${SEL}} == bool 1) without (instance) < ((count(up{${SEL}}) without (instance) + 1) / 2)`,
    valueExpr: `sum(up{${SEL}} == bool 1) without (instance)`,
    evaluate: (series, t) => {
      const up = series.up(t);
      const ones = sumWithout(
        up.map((s) => ({ labels: s.labels, value: s.value === 1 ? 1 : 0 })),
        ["instance"],
      );
      const quorum = countWithout(up, ["instance"]).map((s) => ({
        ...s,
        value: (s.value + 1) / 2,
      }));
      const below = new Set(
        matchOneToOne(ones, quorum, (l, r) => (l < r ? 1 : 0))
          .filter((s) => s.value === 1)
          .map((s) => labelKey(s.labels)),
      );
      return ones.map((s) => ({ ...s, holds: below.has(labelKey(s.labels)) }));
    },
  },
  {
    name: "etcdNoLeader",
    severity: "critical",
    forMs: MINUTE,
    summary: "etcd cluster has no leader",
    condition: "a member's etcd_server_has_leader is 0",
    unit: "count",
    worst: "min",
    runbookUrl: `${RUNBOOKS}/etcdnoleader/`,
    expr: `etcd_server_has_leader{${SEL}} == 0`,
    valueExpr: `etcd_server_has_leader{${SEL}}`,
    evaluate: (series, t) => judged(series.instant("etcd_server_has_leader", t), (v) => v === 0),
  },
  {
    name: "etcdHighNumberOfLeaderChanges",
    severity: "warning",
    forMs: 5 * MINUTE,
    summary: "etcd cluster has high number of leader changes",
    condition: "≥ 4 leader changes in 15 minutes (the most any member saw)",
    unit: "count",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdhighnumberofleaderchanges/`,
    expr: `${leaderChangesExpr} >= 4`,
    valueExpr: leaderChangesExpr,
    evaluate: (series, t) => judged(leaderChangesIncrease(series, t), (v) => v >= 4),
  },
  failedGrpc(1, "warning", 10 * MINUTE),
  failedGrpc(5, "critical", 5 * MINUTE),
  {
    name: "etcdMemberCommunicationSlow",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster member communication is slow",
    condition: "peer round-trip p99 > 0.15 s over 5 minutes",
    unit: "seconds",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdmembercommunicationslow/`,
    expr: `histogram_quantile(0.99, rate(etcd_network_peer_round_trip_time_seconds_bucket{${SEL}}[5m])) > 0.15`,
    valueExpr: `histogram_quantile(0.99, rate(etcd_network_peer_round_trip_time_seconds_bucket{${SEL}}[5m]))`,
    evaluate: (series, t) =>
      judged(
        quantile99(series, "etcd_network_peer_round_trip_time_seconds_bucket", t),
        (v) => v > 0.15,
      ),
  },
  {
    name: "etcdHighNumberOfFailedProposals",
    severity: "warning",
    forMs: 15 * MINUTE,
    summary: "etcd cluster has high number of proposal failures",
    condition: "failed proposals > 5 per second over 15 minutes",
    unit: "rate",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdhighnumberoffailedproposals/`,
    expr: `rate(etcd_server_proposals_failed_total{${SEL}}[15m]) > 5`,
    valueExpr: `rate(etcd_server_proposals_failed_total{${SEL}}[15m])`,
    evaluate: (series, t) =>
      judged(
        series.rate("etcd_server_proposals_failed_total", { end: t, rangeMs: 15 * MINUTE }),
        (v) => v > 5,
      ),
  },
  fsync(0.5, "warning"),
  fsync(1, "critical"),
  {
    name: "etcdHighCommitDurations",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster 99th percentile commit durations are too high",
    condition: "backend commit p99 > 0.25 s over 5 minutes",
    unit: "seconds",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdhighcommitdurations/`,
    expr: `histogram_quantile(0.99, rate(etcd_disk_backend_commit_duration_seconds_bucket{${SEL}}[5m])) > 0.25`,
    valueExpr: `histogram_quantile(0.99, rate(etcd_disk_backend_commit_duration_seconds_bucket{${SEL}}[5m]))`,
    evaluate: (series, t) =>
      judged(
        quantile99(series, "etcd_disk_backend_commit_duration_seconds_bucket", t),
        (v) => v > 0.25,
      ),
  },
  {
    name: "etcdDatabaseQuotaLowSpace",
    severity: "critical",
    forMs: 10 * MINUTE,
    summary: "etcd cluster database is running full",
    condition: "database size > 95 % of the quota",
    unit: "percent",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdbackendquotalowspace/`,
    expr: `${quotaExpr} > 95`,
    valueExpr: quotaExpr,
    evaluate: (series, t) =>
      judged(
        matchOneToOne(
          lastOverTime(series, "etcd_mvcc_db_total_size_in_bytes", t),
          lastOverTime(series, "etcd_server_quota_backend_bytes", t),
          (size, quota) => (size / quota) * 100,
        ),
        (v) => v > 95,
      ),
  },
  {
    name: "etcdExcessiveDatabaseGrowth",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster database growing very fast",
    condition: "size predicted 4 hours ahead (from the last 4 hours) > quota",
    unit: "bytes",
    worst: "max",
    runbookUrl: `${RUNBOOKS}/etcdexcessivedatabasegrowth/`,
    expr: `${growthExpr} > etcd_server_quota_backend_bytes{${SEL}}`,
    valueExpr: growthExpr,
    evaluate: (series, t) => {
      const predicted = series
        .range("etcd_mvcc_db_total_size_in_bytes", t, 4 * 60 * MINUTE)
        .flatMap((r) => {
          const value = predictLinear(r.samples, t, 4 * 60 * 60);
          return value === undefined ? [] : [{ labels: r.labels, value }];
        });
      const over = new Set(
        matchOneToOne(
          predicted,
          series.instant("etcd_server_quota_backend_bytes", t),
          (p, quota) => (p > quota ? 1 : 0),
        )
          .filter((s) => s.value === 1)
          .map((s) => labelKey(s.labels)),
      );
      return predicted.map((s) => ({ ...s, holds: over.has(labelKey(s.labels)) }));
    },
  },
  {
    name: "etcdDatabaseHighFragmentationRatio",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd database size in use is less than 50 % of the allocated storage",
    condition: "in use / total < 0.5 with more than 100 MiB in use",
    unit: "ratio",
    worst: "min",
    runbookUrl: "https://etcd.io/docs/v3.5/op-guide/maintenance/#defragmentation",
    expr: `${fragmentationExpr} < 0.5 and etcd_mvcc_db_total_size_in_use_in_bytes{${SEL}} > ${FRAGMENTATION_MIN_IN_USE}`,
    valueExpr: fragmentationExpr,
    evaluate: (series, t) => {
      const ratio = matchOneToOne(
        lastOverTime(series, "etcd_mvcc_db_total_size_in_use_in_bytes", t),
        lastOverTime(series, "etcd_mvcc_db_total_size_in_bytes", t),
        (inUse, total) => inUse / total,
      );
      // `and` keeps left elements whose labels match a right element (the metric name aside).
      const large = new Set(
        series
          .instant("etcd_mvcc_db_total_size_in_use_in_bytes", t)
          .filter((s) => s.value > FRAGMENTATION_MIN_IN_USE)
          .map((s) => labelKey(s.labels)),
      );
      return ratio.map((s) => ({
        ...s,
        holds: s.value < 0.5 && large.has(labelKey(s.labels)),
      }));
    },
  },
];
