/**
 * What one /metrics scrape of one member says, reduced to the series Raftscope reads.
 * The Prometheus adapter in lib/server/metrics builds it; deriveMemberMetrics turns two of
 * them into MemberMetrics. Absent means this etcd version does not expose the series.
 */

/** One cumulative bucket: how many observations were less than or equal to `le`. */
export interface HistogramBucket {
  le: number;
  count: number;
}

/** A classic Prometheus histogram: cumulative buckets sorted by `le`, +Inf last. */
export interface Histogram {
  buckets: HistogramBucket[];
  sum: number;
  count: number;
}

export interface MetricsSample {
  /** When the scrape answered, in Unix milliseconds. */
  scrapedAt: number;
  /** 1 when the member knows a leader, 0 when it does not. */
  hasLeader?: number;
  leaderChangesSeenTotal?: number;
  /** A gauge, like the applied total: etcd sets them to the raft commit and applied indexes. */
  proposalsCommittedTotal?: number;
  proposalsAppliedTotal?: number;
  proposalsPending?: number;
  proposalsFailedTotal?: number;
  walFsyncDuration?: Histogram;
  backendCommitDuration?: Histogram;
  /** Peer round-trip time, keyed by the peer's hex member id (the `To` label). */
  peerRoundTripTime: Record<string, Histogram>;
  dbTotalSizeBytes?: number;
  dbInUseBytes?: number;
  quotaBackendBytes?: number;
  slowApplyTotal?: number;
  heartbeatSendFailuresTotal?: number;
  /** grpc_server_started_total summed over every service and method. */
  grpcStartedTotal?: number;
  /** grpc_server_handled_total summed over every series whose grpc_code is not OK. */
  grpcFailedTotal?: number;
  residentMemoryBytes?: number;
  cpuSecondsTotal?: number;
  /** process_start_time_seconds: changes when the member's process restarts. */
  processStartTimeSeconds?: number;
  /** The cluster_version label of etcd_cluster_version whose value is 1, e.g. "3.4". */
  clusterVersion?: string;
  /** etcd_server_feature_enabled (etcd 3.6+), by feature name. */
  featuresEnabled?: Record<string, boolean>;
  /** etcd_disk_defrag_inflight: 1 while a defragmentation runs. */
  defragInflight?: number;
  /** etcd_disk_backend_defrag_duration_seconds _count and _sum since the process started. */
  defragCount?: number;
  defragSumSeconds?: number;
  /** etcd_network_snapshot_send_inflights_total summed over peers (etcd 3.5+). */
  snapshotSendInflight?: number;
  /** Snapshots sent to peers, successful or failed, since the process started. */
  snapshotSendsTotal?: number;
  /** etcd_debugging_snap_save_total_duration_seconds_count: raft snapshots saved. */
  snapshotSavesTotal?: number;
  /** MoveLeader calls this member answered OK: only a leader serves them. */
  moveLeaderTotal?: number;
}
