import type { TlsProblem } from "./tls/tls-diagnosis";

/**
 * Domain types for what the poller observes about each member. The etcd and Prometheus
 * adapters in lib/server translate wire shapes into these; nothing above them sees a raw shape.
 */

/** A member as MemberList reports it. Ids are lowercase hex, as etcdctl prints them. */
export interface MemberInfo {
  id: string;
  /** Empty while an added member has not started yet. */
  name: string;
  peerUrls: string[];
  clientUrls: string[];
  isLearner: boolean;
}

/** One Maintenance Status answer. */
export interface MemberStatus {
  /** Hex id of the member that answered. */
  memberId: string;
  version: string;
  dbSizeBytes: number;
  /** Absent on etcd versions older than 3.4. */
  dbSizeInUseBytes?: number;
  /** Hex id of the leader this member follows; absent when it knows of no leader. */
  leaderId?: string;
  raftIndex: number;
  raftAppliedIndex: number;
  raftTerm: number;
  isLearner: boolean;
  /** Alarms parsed out of Status.errors; the Alarm RPC needs quorum, Status does not. */
  alarms: MemberAlarm[];
  /** The rest of Status.errors. */
  errors: string[];
}

export type Alarm = "NOSPACE" | "CORRUPT";

/** An active alarm and the member it was raised on (every member reports every alarm). */
export interface MemberAlarm {
  memberId: string;
  alarm: Alarm;
}

export type MemberProbe =
  | {
      kind: "reachable";
      latencyMs: number;
      status: MemberStatus;
      /** When the answer arrived, epoch ms: answers from different moments are told apart. */
      answeredAt: number;
      /** The client URL that answered as this member. */
      endpoint: string;
    }
  | {
      kind: "unreachable";
      error: string;
      /** What a direct TLS handshake found; absent when it succeeded or was not tried. */
      tlsProblem?: TlsProblem;
      /** The call ran into its deadline (rather than being refused or failing fast). */
      timedOut?: boolean;
    }
  /** Added to the cluster but never started: no name and no client URLs in MemberList yet. */
  | { kind: "not-started" };

/** Metrics derived from two consecutive /metrics scrapes of one member. Absent means not exposed. */
export interface MemberMetrics {
  scrapedAt: number;
  hasLeader?: boolean;
  leaderChangesSeenTotal?: number;
  proposalsCommittedTotal?: number;
  proposalsAppliedTotal?: number;
  proposalsPending?: number;
  proposalsFailedTotal?: number;
  /** Per-second rates over the last scrape interval; absent on the first scrape. */
  proposalsCommittedRate?: number;
  proposalsAppliedRate?: number;
  proposalsFailedRate?: number;
  walFsyncP99Seconds?: number;
  backendCommitP99Seconds?: number;
  /**
   * Peer round-trip p99 in seconds, keyed by the peer's hex member id. etcd probes each peer
   * every few seconds; only peers that are still members are kept.
   */
  peerRoundTripP99Seconds: Record<string, number>;
  /** When each peer's round trip last changed in the histogram, epoch ms. */
  peerRoundTripMeasuredAt?: Record<string, number>;
  dbTotalSizeBytes?: number;
  dbInUseBytes?: number;
  quotaBackendBytes?: number;
  slowApplyTotal?: number;
  heartbeatSendFailuresTotal?: number;
  grpcRequestsTotal?: number;
  grpcFailedTotal?: number;
  grpcRequestRate?: number;
  grpcFailedRate?: number;
  residentMemoryBytes?: number;
  cpuSecondsTotal?: number;
  cpuRate?: number;
  processStartTimeSeconds?: number;
  /** etcd_cluster_version, e.g. "3.4". */
  clusterVersion?: string;
  /** etcd_server_feature_enabled (etcd 3.6+). */
  featuresEnabled?: Record<string, boolean>;
  defragInflight?: boolean;
  /** Defragmentations finished since the process started, and their total seconds. */
  defragCount?: number;
  defragSumSeconds?: number;
  snapshotSendInflight?: number;
  snapshotSendsTotal?: number;
  snapshotSavesTotal?: number;
  /** MoveLeader calls this member answered OK (a leadership transfer it started). */
  moveLeaderTotal?: number;
}

export type MemberHealthCheck = { kind: "healthy" } | { kind: "unhealthy"; reason: string };

/**
 * One named check a member reports about itself: /health as a whole, or one line of
 * `/livez?verbose` and `/readyz?verbose` (etcd 3.5.12+), such as `linearizable_read`.
 */
export interface MemberSelfCheck {
  endpoint: "health" | "livez" | "readyz";
  name: string;
  ok: boolean;
  /** etcd's reason when it gives one ("RAFT NO LEADER"). */
  detail?: string;
  /** When the member answered, epoch ms. */
  checkedAt: number;
}

/** Everything known about one member at one sweep. */
export interface MemberSnapshot {
  member: MemberInfo;
  /** The client URL the poller used. */
  endpoint: string;
  probe: MemberProbe;
  /** From GET /health; absent until first checked. */
  health?: MemberHealthCheck;
  /** /health, /livez and /readyz checks as last answered; empty until first checked. */
  selfChecks?: MemberSelfCheck[];
  /** From GET /metrics; absent until scraped or when scraping failed. */
  metrics?: MemberMetrics;
  /** Why the last /metrics scrape gave nothing usable. */
  scrapeError?: string;
}

export interface ClusterSnapshot {
  clusterId: string;
  /** Hex cluster id from the etcd response header; empty until a member answered. */
  etcdClusterId: string;
  observedAt: number;
  members: MemberSnapshot[];
  /** Set when no member could be listed at all (every configured endpoint failed). */
  discoveryError?: string;
  /**
   * Set when Raftscope itself could not see the cluster in this sweep: its own stall, its own
   * credentials refused, or every member timing out at the same moment. The verdict is then
   * unknown rather than failing.
   */
  blind?: BlindReason;
}

/** Why Raftscope could not see the cluster: a fault on its own side, not the cluster's. */
export type BlindReason =
  | { kind: "stalled"; stalledMs: number }
  | { kind: "credentials"; message: string }
  | { kind: "network"; message: string };
