import type { MemberSample } from "../history/history-point";

/** The chart fields a Prometheus query can fill; `reachable` comes from `up`. */
export type PromChartField = Exclude<
  keyof MemberSample,
  "latencyMs" | "raftIndex" | "raftAppliedIndex"
>;

/** What the etcd mixin's failure panels and etcdHighNumberOfFailedGRPCRequests count as failed. */
export const MIXIN_GRPC_FAILURE_CODES =
  "Unknown|FailedPrecondition|ResourceExhausted|Internal|Unavailable|DataLoss|DeadlineExceeded";

/**
 * A rate window as Grafana's $__rate_interval: at least four scrape intervals, and never shorter
 * than one step plus one scrape, so every step's rate covers the samples in between. Seconds.
 */
export function rateWindowSeconds(stepSeconds: number, scrapeIntervalSeconds: number): number {
  return Math.max(4 * scrapeIntervalSeconds, Math.ceil(stepSeconds) + scrapeIntervalSeconds);
}

/**
 * The PromQL behind each chart field, written as the etcd mixin's dashboard writes it
 * (etcd/contrib/mixin/dashboards/etcd.libsonnet: `histogram_quantile(0.99, sum(rate(…_bucket[…]))
 * by (instance, le))`, `rate(…_total[…])`, unary gRPC only), so a 7-day chart shows the numbers
 * the operator's Grafana shows. `selector` is a list of label matchers (no braces), `memberLabel`
 * the label that tells members apart, `rangeSeconds` the rate window. Every result keeps
 * `memberLabel` and nothing the charts would have to aggregate.
 */
export function etcdMixinQueries(
  selector: string,
  memberLabel: string,
  rangeSeconds: number,
): Record<PromChartField, string> {
  const sel = (extra = "") => `{${[selector, extra].filter(Boolean).join(", ")}}`;
  const r = `[${rangeSeconds}s]`;
  const p99 = (bucket: string) =>
    `histogram_quantile(0.99, sum by (${memberLabel}, le) (rate(${bucket}${sel()}${r})))`;
  return {
    reachable: `up${sel()}`,
    dbSizeBytes: `etcd_mvcc_db_total_size_in_bytes${sel()}`,
    dbSizeInUseBytes: `etcd_mvcc_db_total_size_in_use_in_bytes${sel()}`,
    quotaBackendBytes: `etcd_server_quota_backend_bytes${sel()}`,
    proposalsCommittedRate: `rate(etcd_server_proposals_committed_total${sel()}${r})`,
    proposalsAppliedRate: `rate(etcd_server_proposals_applied_total${sel()}${r})`,
    proposalsPending: `etcd_server_proposals_pending${sel()}`,
    proposalsFailedRate: `rate(etcd_server_proposals_failed_total${sel()}${r})`,
    // The raw counter: the chart draws its increase since the window began, as for live data.
    leaderChangesSeenTotal: `etcd_server_leader_changes_seen_total${sel()}`,
    walFsyncP99Seconds: p99("etcd_disk_wal_fsync_duration_seconds_bucket"),
    backendCommitP99Seconds: p99("etcd_disk_backend_commit_duration_seconds_bucket"),
    // The mixin's etcdHighMemberRoundTripLatency keeps each peer (To); the chart shows the worst.
    peerRoundTripP99Seconds: `max by (${memberLabel}) (histogram_quantile(0.99, sum by (${memberLabel}, To, le) (rate(etcd_network_peer_round_trip_time_seconds_bucket${sel()}${r}))))`,
    grpcRequestRate: `sum by (${memberLabel}) (rate(grpc_server_started_total${sel('grpc_type="unary"')}${r}))`,
    grpcFailedRate: `sum by (${memberLabel}) (rate(grpc_server_handled_total${sel(`grpc_type="unary", grpc_code=~"${MIXIN_GRPC_FAILURE_CODES}"`)}${r}))`,
    residentMemoryBytes: `process_resident_memory_bytes${sel()}`,
  };
}
