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
}
