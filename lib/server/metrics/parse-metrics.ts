import "server-only";
import { GRPC_FAILURE_CODES as MIXIN_GRPC_FAILURE_CODES } from "../../alerts/etcd-mixin-rules";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import type { Histogram, MetricsSample } from "../../metrics/metrics-sample";
import { collectHistograms } from "./collect-histograms";
import { type PrometheusSeries, readPrometheusSeries } from "./read-prometheus-series";

/** etcdHighNumberOfFailedGRPCRequests counts these codes. */
const GRPC_FAILURE_CODES = new Set(MIXIN_GRPC_FAILURE_CODES);

const PEER_RTT = "etcd_network_peer_round_trip_time_seconds";
const HEX_MEMBER_ID = /^[0-9a-f]+$/;

function peerId(labels: Record<string, string>): string {
  const to = labels.To?.toLowerCase();
  if (to === undefined || !HEX_MEMBER_ID.test(to)) {
    throw new MetricsParseError(
      `${PEER_RTT} has To=${JSON.stringify(labels.To ?? "")}, not a hex member id`,
    );
  }
  return to;
}

/**
 * Translates one /metrics body from an etcd member into a MetricsSample. Series this etcd
 * version does not expose are left undefined. Counters are summed over their label sets.
 * Throws MetricsParseError naming what was wrong when the body is not Prometheus text, or
 * when a histogram Raftscope reads lacks its +Inf bucket, _sum or _count.
 */
export function parseMetricsText(text: string, scrapedAt: number): MetricsSample {
  return metricsSampleOf(readPrometheusSeries(text), scrapedAt);
}

/** parseMetricsText for a body already split into series by readPrometheusSeries. */
export function metricsSampleOf(
  all: readonly PrometheusSeries[],
  scrapedAt: number,
): MetricsSample {
  const byName = new Map<string, PrometheusSeries[]>();
  for (const series of all) {
    const list = byName.get(series.name);
    if (list) list.push(series);
    else byName.set(series.name, [series]);
  }

  const total = (
    name: string,
    keep: (labels: Record<string, string>) => boolean = () => true,
  ): number | undefined => {
    const series = byName.get(name);
    return series?.filter((s) => keep(s.labels)).reduce((sum, s) => sum + s.value, 0);
  };
  // WAL fsync and backend commit are unlabelled in etcd; any labels would be summed by le.
  const whole = (name: string): Histogram | undefined =>
    collectHistograms(byName, name, () => "").get("");

  return {
    scrapedAt,
    hasLeader: total("etcd_server_has_leader"),
    leaderChangesSeenTotal: total("etcd_server_leader_changes_seen_total"),
    proposalsCommittedTotal: total("etcd_server_proposals_committed_total"),
    proposalsAppliedTotal: total("etcd_server_proposals_applied_total"),
    proposalsPending: total("etcd_server_proposals_pending"),
    proposalsFailedTotal: total("etcd_server_proposals_failed_total"),
    walFsyncDuration: whole("etcd_disk_wal_fsync_duration_seconds"),
    backendCommitDuration: whole("etcd_disk_backend_commit_duration_seconds"),
    peerRoundTripTime: Object.fromEntries(collectHistograms(byName, PEER_RTT, peerId)),
    // Before 3.4 only the etcd_debugging_ name exists.
    dbTotalSizeBytes:
      total("etcd_mvcc_db_total_size_in_bytes") ??
      total("etcd_debugging_mvcc_db_total_size_in_bytes"),
    dbInUseBytes: total("etcd_mvcc_db_total_size_in_use_in_bytes"),
    quotaBackendBytes: total("etcd_server_quota_backend_bytes"),
    slowApplyTotal: total("etcd_server_slow_apply_total"),
    heartbeatSendFailuresTotal: total("etcd_server_heartbeat_send_failures_total"),
    grpcStartedTotal: total("grpc_server_started_total"),
    // The etcd mixin's failure codes: a client closing a Watch or LeaseKeepAlive stream ends it
    // with Canceled, which is routine and must not read as a failing server.
    grpcFailedTotal: total("grpc_server_handled_total", (labels) =>
      GRPC_FAILURE_CODES.has(labels.grpc_code ?? ""),
    ),
    residentMemoryBytes: total("process_resident_memory_bytes"),
    cpuSecondsTotal: total("process_cpu_seconds_total"),
    processStartTimeSeconds: total("process_start_time_seconds"),
    clusterVersion: labelOfOne(byName.get("etcd_cluster_version"), "cluster_version"),
    featuresEnabled: features(byName.get("etcd_server_feature_enabled")),
    defragInflight: total("etcd_disk_defrag_inflight"),
    defragCount: total("etcd_disk_backend_defrag_duration_seconds_count"),
    defragSumSeconds: total("etcd_disk_backend_defrag_duration_seconds_sum"),
    snapshotSendInflight: total("etcd_network_snapshot_send_inflights_total"),
    snapshotSendsTotal: sumDefined(
      total("etcd_network_snapshot_send_success"),
      total("etcd_network_snapshot_send_failures"),
    ),
    snapshotSavesTotal: total("etcd_debugging_snap_save_total_duration_seconds_count"),
    moveLeaderTotal: total(
      "grpc_server_handled_total",
      (labels) => labels.grpc_method === "MoveLeader" && labels.grpc_code === "OK",
    ),
  };
}

/** The value of `label` on the series set to 1, as etcd marks its version gauges. */
function labelOfOne(series: PrometheusSeries[] | undefined, label: string): string | undefined {
  return series?.find((s) => s.value === 1 && s.labels[label])?.labels[label];
}

function features(series: PrometheusSeries[] | undefined): Record<string, boolean> | undefined {
  if (!series) return undefined;
  return Object.fromEntries(
    series.flatMap((s) => (s.labels.name ? [[s.labels.name, s.value > 0] as const] : [])),
  );
}

function sumDefined(...values: Array<number | undefined>): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0);
}
