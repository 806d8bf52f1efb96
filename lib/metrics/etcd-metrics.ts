/**
 * Every etcd metric Raftscope reads, one row each. Parsing (which families of a /metrics body
 * are read at all), the scrape sample, the derived member metrics, the history point, its
 * downsampling and the charts' empty reasons are all derived from this table: adding a metric
 * is one row here plus, when it is drawn, its chart in components/charts/chart-specs.ts.
 *
 * Names and label semantics are etcd's (https://etcd.io/docs/v3.5/metrics/); rule names are
 * the etcd mixin's alerts (etcd-io/etcd contrib/mixin) and Raftscope's verdict warning codes.
 */

/** An etcd minor version, as [major, minor]. */
export type EtcdVersion = readonly [number, number];

/** One Prometheus family name and the etcd versions that expose it. */
export interface PrometheusName {
  name: string;
  since: EtcdVersion;
  /** The last version that exposes it; absent while etcd still does. */
  until?: EtcdVersion;
}

export type MetricUnit = "boolean" | "count" | "bytes" | "seconds";

/**
 * How the scrape becomes a member metric:
 * - `gauge`: the value as read;
 * - `boolean`: a 0/1 gauge, as true when above 0;
 * - `rate`: a counter (or etcd's counter-like index gauges) kept as its total and turned into a
 *   per-second rate between two scrapes, as PromQL's `rate()`;
 * - `p99`: a histogram's 99th percentile over the buckets' increase between two scrapes, as
 *   `histogram_quantile(0.99, rate(..._bucket))`.
 */
export type Derivation =
  | { kind: "gauge"; value: string }
  | { kind: "boolean"; value: string }
  | { kind: "rate"; total: string; rate: string }
  | { kind: "p99"; value: string };

/**
 * How the series of a counter or gauge are read into one value: `sum` adds them (the
 * default); `label-of-one` gives the label of the series set to 1, as etcd marks its version
 * gauges; `flags` gives each series' label as true when its value is above 0.
 */
export type Reduction =
  | { kind: "sum" }
  | { kind: "label-of-one"; label: string }
  | { kind: "flags"; label: string };

/**
 * How a member's values are reduced when the history is downsampled: `last` keeps the bucket's
 * newest value, `max` its worst (a spike in latency or failures matters more than the last
 * value). Reachability and latency, which come from Maintenance Status, are handled beside.
 */
export type Downsampling = "last" | "max";

export interface EtcdMetric {
  /** The field of the scrape sample (MetricsSample) that holds the parsed value. */
  sample: string;
  /**
   * Family names, preferred first: the first one the member exposes is read, or with
   * `combine: "sum"` every one it exposes, added up.
   */
  prometheus: readonly PrometheusName[];
  combine?: "first" | "sum";
  /**
   * The Prometheus TYPE of what is read: a histogram's _count or _sum series alone is read as
   * a counter.
   */
  type: "counter" | "gauge" | "histogram";
  unit: MetricUnit | "version" | "flags";
  /** Only series whose labels have one of the listed values (for every label listed) count. */
  select?: Readonly<Record<string, readonly string[]>>;
  reduce?: Reduction;
  /** A histogram kept apart per value of this label (a member id), not summed. */
  perMember?: string;
  /** A labelled vector with no series until the first observation: absent is zero. */
  appearsOnUse?: true;
  derive: Derivation;
  /**
   * The history point's field and how it is downsampled; absent when the charts and rules do
   * not need the metric over time. `statusFirst` prefers the same figure from Maintenance
   * Status, which every etcd version answers. A per-member histogram keeps its worst member.
   */
  history?: { field: string; downsample: Downsampling; statusFirst?: string };
  /** Chart ids (components/charts/chart-specs.ts) that draw it. */
  charts: readonly string[];
  /** etcd mixin alerts and verdict warning codes that read it. */
  rules: readonly string[];
  /** Other readers: the upgrade, defragmentation and diagnosis advice (lib/upgrade, lib/defrag). */
  advice?: readonly ("upgrade" | "defrag" | "diagnosis")[];
}

const V3_0: EtcdVersion = [3, 0];

/** The mixin's etcdHighNumberOfFailedGRPCRequests counts these codes, and only these. */
export const GRPC_FAILURE_CODES = [
  "Unknown",
  "FailedPrecondition",
  "ResourceExhausted",
  "Internal",
  "Unavailable",
  "DataLoss",
  "DeadlineExceeded",
] as const;

/** The table. Ordered as the charts read: raft, disk, network, process. */
export const etcdMetrics = [
  {
    sample: "hasLeader",
    prometheus: [{ name: "etcd_server_has_leader", since: V3_0 }],
    type: "gauge",
    unit: "boolean",
    derive: { kind: "boolean", value: "hasLeader" },
    charts: [],
    rules: ["etcdNoLeader"],
  },
  {
    sample: "leaderChangesSeenTotal",
    prometheus: [{ name: "etcd_server_leader_changes_seen_total", since: V3_0 }],
    type: "counter",
    unit: "count",
    derive: { kind: "gauge", value: "leaderChangesSeenTotal" },
    history: { field: "leaderChangesSeenTotal", downsample: "last" },
    charts: ["leader-changes"],
    rules: ["etcdHighNumberOfLeaderChanges"],
  },
  {
    // A gauge that etcd sets to the raft commit index: read as a counter.
    sample: "proposalsCommittedTotal",
    prometheus: [{ name: "etcd_server_proposals_committed_total", since: V3_0 }],
    type: "gauge",
    unit: "count",
    derive: { kind: "rate", total: "proposalsCommittedTotal", rate: "proposalsCommittedRate" },
    history: { field: "proposalsCommittedRate", downsample: "last" },
    charts: ["proposals"],
    rules: [],
  },
  {
    sample: "proposalsAppliedTotal",
    prometheus: [{ name: "etcd_server_proposals_applied_total", since: V3_0 }],
    type: "gauge",
    unit: "count",
    derive: { kind: "rate", total: "proposalsAppliedTotal", rate: "proposalsAppliedRate" },
    history: { field: "proposalsAppliedRate", downsample: "last" },
    charts: ["proposals"],
    rules: [],
  },
  {
    sample: "proposalsPending",
    prometheus: [{ name: "etcd_server_proposals_pending", since: V3_0 }],
    type: "gauge",
    unit: "count",
    derive: { kind: "gauge", value: "proposalsPending" },
    history: { field: "proposalsPending", downsample: "last" },
    charts: ["pending"],
    rules: [],
  },
  {
    sample: "proposalsFailedTotal",
    prometheus: [{ name: "etcd_server_proposals_failed_total", since: V3_0 }],
    type: "counter",
    unit: "count",
    derive: { kind: "rate", total: "proposalsFailedTotal", rate: "proposalsFailedRate" },
    history: { field: "proposalsFailedRate", downsample: "max" },
    charts: ["failed"],
    rules: ["etcdHighNumberOfFailedProposals"],
  },
  {
    sample: "walFsyncDuration",
    prometheus: [{ name: "etcd_disk_wal_fsync_duration_seconds", since: V3_0 }],
    type: "histogram",
    unit: "seconds",
    derive: { kind: "p99", value: "walFsyncP99Seconds" },
    history: { field: "walFsyncP99Seconds", downsample: "max" },
    charts: ["fsync"],
    rules: ["etcdHighFsyncDurations", "SLOW_FSYNC"],
  },
  {
    sample: "backendCommitDuration",
    prometheus: [{ name: "etcd_disk_backend_commit_duration_seconds", since: V3_0 }],
    type: "histogram",
    unit: "seconds",
    derive: { kind: "p99", value: "backendCommitP99Seconds" },
    history: { field: "backendCommitP99Seconds", downsample: "max" },
    charts: ["commit"],
    rules: ["etcdHighCommitDurations", "SLOW_COMMIT"],
  },
  {
    sample: "dbTotalSizeBytes",
    prometheus: [
      { name: "etcd_mvcc_db_total_size_in_bytes", since: [3, 4] },
      { name: "etcd_debugging_mvcc_db_total_size_in_bytes", since: V3_0, until: [3, 4] },
    ],
    type: "gauge",
    unit: "bytes",
    derive: { kind: "gauge", value: "dbTotalSizeBytes" },
    history: { field: "dbSizeBytes", downsample: "last", statusFirst: "dbSizeBytes" },
    charts: ["db"],
    rules: [
      "etcdDatabaseQuotaLowSpace",
      "etcdExcessiveDatabaseGrowth",
      "etcdDatabaseHighFragmentationRatio",
      "DB_NEAR_QUOTA",
    ],
  },
  {
    sample: "dbInUseBytes",
    prometheus: [{ name: "etcd_mvcc_db_total_size_in_use_in_bytes", since: [3, 4] }],
    type: "gauge",
    unit: "bytes",
    derive: { kind: "gauge", value: "dbInUseBytes" },
    history: { field: "dbSizeInUseBytes", downsample: "last", statusFirst: "dbSizeInUseBytes" },
    charts: ["db"],
    rules: ["etcdDatabaseHighFragmentationRatio"],
  },
  {
    sample: "quotaBackendBytes",
    prometheus: [{ name: "etcd_server_quota_backend_bytes", since: [3, 4] }],
    type: "gauge",
    unit: "bytes",
    derive: { kind: "gauge", value: "quotaBackendBytes" },
    history: { field: "quotaBackendBytes", downsample: "last" },
    charts: ["db"],
    rules: ["etcdDatabaseQuotaLowSpace", "DB_NEAR_QUOTA"],
  },
  {
    sample: "peerRoundTripTime",
    prometheus: [{ name: "etcd_network_peer_round_trip_time_seconds", since: V3_0 }],
    type: "histogram",
    unit: "seconds",
    perMember: "To",
    derive: { kind: "p99", value: "peerRoundTripP99Seconds" },
    history: { field: "peerRoundTripP99Seconds", downsample: "max" },
    charts: ["peer-rtt"],
    rules: ["etcdMemberCommunicationSlow", "HIGH_PEER_RTT"],
  },
  {
    sample: "grpcStartedTotal",
    prometheus: [{ name: "grpc_server_started_total", since: V3_0 }],
    type: "counter",
    unit: "count",
    derive: { kind: "rate", total: "grpcRequestsTotal", rate: "grpcRequestRate" },
    history: { field: "grpcRequestRate", downsample: "last" },
    charts: ["grpc"],
    rules: ["etcdHighNumberOfFailedGRPCRequests"],
  },
  {
    // A client closing a Watch or LeaseKeepAlive stream ends it with Canceled, which is
    // routine and must not read as a failing server.
    sample: "grpcFailedTotal",
    prometheus: [{ name: "grpc_server_handled_total", since: V3_0 }],
    type: "counter",
    unit: "count",
    select: { grpc_code: GRPC_FAILURE_CODES },
    derive: { kind: "rate", total: "grpcFailedTotal", rate: "grpcFailedRate" },
    history: { field: "grpcFailedRate", downsample: "max" },
    charts: ["grpc"],
    rules: ["etcdHighNumberOfFailedGRPCRequests"],
  },
  {
    // Every code, as the mixin's failed-request ratio divides by all handled requests.
    sample: "grpcHandledTotal",
    prometheus: [{ name: "grpc_server_handled_total", since: V3_0 }],
    type: "counter",
    unit: "count",
    derive: { kind: "gauge", value: "grpcHandledTotal" },
    charts: [],
    rules: ["etcdHighNumberOfFailedGRPCRequests"],
  },
  {
    // Labelled by the peer (To): no series until a send to some peer failed.
    sample: "peerSentFailuresTotal",
    prometheus: [{ name: "etcd_network_peer_sent_failures_total", since: V3_0 }],
    appearsOnUse: true,
    type: "counter",
    unit: "count",
    derive: { kind: "rate", total: "peerSentFailuresTotal", rate: "peerSentFailuresRate" },
    charts: [],
    rules: ["etcdMembersDown"],
  },
  {
    sample: "residentMemoryBytes",
    prometheus: [{ name: "process_resident_memory_bytes", since: V3_0 }],
    type: "gauge",
    unit: "bytes",
    derive: { kind: "gauge", value: "residentMemoryBytes" },
    history: { field: "residentMemoryBytes", downsample: "last" },
    charts: ["rss"],
    rules: [],
  },
  {
    sample: "processStartTimeSeconds",
    prometheus: [{ name: "process_start_time_seconds", since: V3_0 }],
    type: "gauge",
    unit: "seconds",
    derive: { kind: "gauge", value: "processStartTimeSeconds" },
    charts: [],
    rules: [],
    advice: ["diagnosis"],
  },
  {
    sample: "clusterVersion",
    prometheus: [{ name: "etcd_cluster_version", since: [3, 3] }],
    type: "gauge",
    unit: "version",
    reduce: { kind: "label-of-one", label: "cluster_version" },
    derive: { kind: "gauge", value: "clusterVersion" },
    charts: [],
    rules: [],
    advice: ["upgrade"],
  },
  {
    sample: "featuresEnabled",
    prometheus: [{ name: "etcd_server_feature_enabled", since: [3, 6] }],
    type: "gauge",
    unit: "flags",
    reduce: { kind: "flags", label: "name" },
    derive: { kind: "gauge", value: "featuresEnabled" },
    charts: [],
    rules: [],
    advice: ["upgrade"],
  },
  {
    sample: "defragInflight",
    prometheus: [{ name: "etcd_disk_defrag_inflight", since: [3, 4] }],
    type: "gauge",
    unit: "boolean",
    derive: { kind: "boolean", value: "defragInflight" },
    charts: [],
    rules: [],
    advice: ["defrag"],
  },
  {
    // The histogram's _count and _sum alone: how many defragmentations, and how long in all.
    sample: "defragCount",
    prometheus: [{ name: "etcd_disk_backend_defrag_duration_seconds_count", since: V3_0 }],
    type: "counter",
    unit: "count",
    derive: { kind: "gauge", value: "defragCount" },
    charts: [],
    rules: [],
    advice: ["defrag"],
  },
  {
    sample: "defragSumSeconds",
    prometheus: [{ name: "etcd_disk_backend_defrag_duration_seconds_sum", since: V3_0 }],
    type: "counter",
    unit: "seconds",
    derive: { kind: "gauge", value: "defragSumSeconds" },
    charts: [],
    rules: [],
    advice: ["defrag"],
  },
  {
    sample: "snapshotSendInflight",
    prometheus: [{ name: "etcd_network_snapshot_send_inflights_total", since: [3, 5] }],
    type: "gauge",
    unit: "count",
    derive: { kind: "gauge", value: "snapshotSendInflight" },
    charts: [],
    rules: [],
    advice: ["diagnosis"],
  },
  {
    // Sent to peers, successful or failed.
    sample: "snapshotSendsTotal",
    prometheus: [
      { name: "etcd_network_snapshot_send_success", since: V3_0 },
      { name: "etcd_network_snapshot_send_failures", since: V3_0 },
    ],
    combine: "sum",
    appearsOnUse: true,
    type: "counter",
    unit: "count",
    derive: { kind: "gauge", value: "snapshotSendsTotal" },
    charts: [],
    rules: [],
    advice: ["diagnosis"],
  },
  {
    sample: "snapshotSavesTotal",
    prometheus: [{ name: "etcd_debugging_snap_save_total_duration_seconds_count", since: V3_0 }],
    type: "counter",
    unit: "count",
    derive: { kind: "gauge", value: "snapshotSavesTotal" },
    charts: [],
    rules: [],
    advice: ["diagnosis"],
  },
  {
    // MoveLeader calls this member answered OK: only a leader serves them.
    sample: "moveLeaderTotal",
    prometheus: [{ name: "grpc_server_handled_total", since: V3_0 }],
    type: "counter",
    unit: "count",
    select: { grpc_method: ["MoveLeader"], grpc_code: ["OK"] },
    derive: { kind: "gauge", value: "moveLeaderTotal" },
    charts: [],
    rules: [],
    advice: ["diagnosis"],
  },
  {
    // Leader-change forensics: a leader that cannot reach its followers fails to send these.
    sample: "heartbeatSendFailuresTotal",
    prometheus: [{ name: "etcd_server_heartbeat_send_failures_total", since: [3, 3] }],
    type: "counter",
    unit: "count",
    derive: { kind: "gauge", value: "heartbeatSendFailuresTotal" },
    charts: [],
    rules: [],
    advice: ["diagnosis"],
  },
  {
    // Applies over 100 ms, which etcd logs as "apply request took too long".
    sample: "slowApplyTotal",
    prometheus: [{ name: "etcd_server_slow_apply_total", since: [3, 3] }],
    type: "counter",
    unit: "count",
    derive: { kind: "gauge", value: "slowApplyTotal" },
    charts: [],
    rules: [],
    advice: ["diagnosis"],
  },
] as const satisfies readonly EtcdMetric[];

export type EtcdMetricRow = (typeof etcdMetrics)[number];

/** The first etcd version that exposes a metric under any of its names. */
export function exposedSince(metric: EtcdMetric): EtcdVersion {
  return metric.prometheus.reduce<EtcdVersion>(
    (min, p) =>
      p.since[0] < min[0] || (p.since[0] === min[0] && p.since[1] < min[1]) ? p.since : min,
    [Number.POSITIVE_INFINITY, 0],
  );
}

/** Texts a line must contain one of, for each group: a cheap superset of a label match. */
export type LineMatch = readonly (readonly string[])[];

function lineMatch(metric: EtcdMetric): LineMatch | undefined {
  const select = metric.select;
  if (!select) return undefined;
  return Object.entries(select).map(([label, values]) => values.map((v) => `${label}="${v}"`));
}

function familiesOf(metric: EtcdMetric): string[] {
  return metric.prometheus.flatMap((p) =>
    metric.type === "histogram"
      ? [`${p.name}_bucket`, `${p.name}_sum`, `${p.name}_count`]
      : [p.name],
  );
}

/**
 * Every Prometheus family a scrape must read (a histogram's _bucket, _sum and _count series),
 * each with the line matches of the rows that select series by label, or undefined when some
 * row reads every line. The rest of a /metrics body (about one line in three on etcd 3.4;
 * grpc_server_handled_total, half of every body, is read whole for the mixin's failed-request
 * ratio) is skipped unparsed. The matches only narrow what is parsed; each row's `select` is
 * still applied to parsed labels.
 */
export const scrapedFamilies: ReadonlyMap<string, readonly LineMatch[] | undefined> = (() => {
  const out = new Map<string, LineMatch[] | undefined>();
  for (const metric of etcdMetrics as readonly EtcdMetric[]) {
    const match = lineMatch(metric);
    for (const name of familiesOf(metric)) {
      const known = out.get(name);
      if (out.has(name) && known === undefined) continue;
      out.set(name, match === undefined ? undefined : [...(known ?? []), match]);
    }
  }
  return out;
})();
