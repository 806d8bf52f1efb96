import type { EtcdMetricRow } from "./metrics/etcd-metrics";
import type { SampleValueOf } from "./metrics/metrics-sample";
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

type Row = EtcdMetricRow;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type FieldOf<R, K extends string, V> = R extends {
  derive: { kind: K; value: infer F extends string };
}
  ? { [P in F]?: V }
  : never;
type GaugeOf<R> = R extends { derive: { kind: "gauge"; value: infer F extends string } }
  ? { [P in F]?: SampleValueOf<R> }
  : never;
type RateOf<R> = R extends {
  derive: { kind: "rate"; total: infer T extends string; rate: infer F extends string };
}
  ? { [P in T | F]?: number }
  : never;
type PerMemberRow = Extract<Row, { perMember: string }>;

/**
 * Metrics derived from two consecutive /metrics scrapes, one or two fields per row of the
 * metric table (lib/metrics/etcd-metrics.ts): gauges as read, booleans from 0/1 gauges,
 * counters as their total and a per-second rate over the last scrape interval (absent on the
 * first scrape), histograms as a p99 in seconds over the same interval. A per-member histogram
 * becomes a p99 per peer, keyed by the peer's hex member id. Absent means not exposed.
 */
export type MemberMetrics = {
  scrapedAt: number;
  /** When each peer's round trip was last measured, epoch ms (etcd probes every 30 s). */
  peerRoundTripMeasuredAt?: Record<string, number>;
} & UnionToIntersection<
  | GaugeOf<Row>
  | FieldOf<Exclude<Row, PerMemberRow>, "p99", number>
  | FieldOf<Row, "boolean", boolean>
  | RateOf<Row>
  | { [P in PerMemberRow["derive"]["value"]]: Record<string, number> }
>;

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

/** What etcd 3.6 adds to Maintenance Status; each field absent when not reported. */
export interface StatusV36 {
  /** The version of the db file, e.g. "3.6.0". */
  storageVersion?: string;
  /** --quota-backend-bytes as the member reports it. */
  dbSizeQuotaBytes?: number;
  /** A cluster downgrade in progress. */
  downgrade?: { enabled: boolean; targetVersion: string };
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
  /** etcd 3.6's Status fields, from members that run 3.6 or later. */
  statusV36?: StatusV36;
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
  | { kind: "overloaded"; busyPercent: number }
  | { kind: "credentials"; message: string }
  | { kind: "network"; message: string };
