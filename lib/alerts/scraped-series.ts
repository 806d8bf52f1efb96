/** One exposition line of a member's /metrics: the metric name, its labels and its value. */
export interface ScrapedSeries {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

const MINUTE = 60_000;

/**
 * The series the etcd mixin's rules read, each with how far back a rule looks at it (its
 * longest range, plus PromQL's 5-minute lookback for instant selectors). The rule engine
 * keeps nothing else, and nothing older.
 */
export const alertInputs: Readonly<Record<string, number>> = {
  grpc_server_handled_total: 5 * MINUTE,
  etcd_network_peer_round_trip_time_seconds_bucket: 5 * MINUTE,
  etcd_disk_wal_fsync_duration_seconds_bucket: 5 * MINUTE,
  etcd_disk_backend_commit_duration_seconds_bucket: 5 * MINUTE,
  etcd_network_peer_sent_failures_total: 5 * MINUTE,
  etcd_server_has_leader: 5 * MINUTE,
  // A 15-minute subquery of instant selectors, each looking back 5 minutes.
  etcd_server_leader_changes_seen_total: 20 * MINUTE,
  etcd_server_proposals_failed_total: 15 * MINUTE,
  etcd_server_quota_backend_bytes: 5 * MINUTE,
  etcd_mvcc_db_total_size_in_use_in_bytes: 5 * MINUTE,
  // predict_linear over 4 hours.
  etcd_mvcc_db_total_size_in_bytes: 4 * 60 * MINUTE,
};

/** The longest look back of any input: how long scrape times are kept. */
export const LONGEST_INPUT_MS = Math.max(...Object.values(alertInputs));
