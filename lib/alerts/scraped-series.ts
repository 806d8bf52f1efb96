/** One exposition line of a member's /metrics: the metric name, its labels and its value. */
export interface ScrapedSeries {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
  /** The label text as exposed, when known: the same every scrape for one series of a target. */
  key?: string;
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

/**
 * Families whose every series the member creates at 0 when it starts and exposes from then on:
 * etcd registers its gRPC server with go-grpc-prometheus, which initialises handled_total for
 * every method and code (41 × 17 lines per member, nearly all 0 for good). A scrape may leave
 * their zero lines out (all but the family's first): a series missing from a scrape that has
 * the family reads as 0, and a series seen for the first time was 0 at the scrape before.
 * Raftscope then keeps the series that ever counted something, and Prometheus, which stores
 * every line, computes the same rates from them.
 */
export const zeroFilledInputs: ReadonlySet<string> = new Set(["grpc_server_handled_total"]);
