import { z } from "zod";
import { tlsProblemKinds } from "../tls/tls-diagnosis";

/** The verdict Raftscope derives from one cluster snapshot: the API's health contract. */

/** "unknown": Raftscope cannot see the cluster (its own stall, credentials or network). */
export const clusterStatusSchema = z.enum([
  "healthy",
  "degraded",
  "critical",
  "unavailable",
  "unknown",
]);
/**
 * A member's raft role as far as it is known: "voter" is a voter that neither leads nor follows
 * the leader right now (unreachable, cut off, not started, or no leader at all).
 */
export const memberRoleSchema = z.enum(["leader", "follower", "learner", "voter"]);
/** What a member is doing, from its Status answer, its self-checks and how long it has been so. */
export const memberStateSchema = z.enum([
  "leading",
  "following",
  /** A learner receiving the leader's log. */
  "learning",
  /** A term behind, or no leader yet in the leader's term, for less than the grace period. */
  "catching-up",
  /** Answers, but has followed no leader the majority follows for longer than the grace period. */
  "cut-off",
  /** Answers, but there is no leader anywhere: the cluster has lost quorum or is electing. */
  "no-leader",
  "unreachable",
  /** Added to the cluster but never started. */
  "not-started",
  /** Raftscope cannot see the cluster right now. */
  "unknown",
]);
export const severitySchema = z.enum(["info", "warning", "critical"]);
export const warningCodeSchema = z.enum([
  "EVEN_VOTERS",
  "MEMBER_UNREACHABLE",
  "MEMBER_ISOLATED",
  "NO_LEADER",
  "LEADER_DISAGREEMENT",
  "APPLY_LAG",
  "ALARM_NOSPACE",
  "ALARM_CORRUPT",
  "CONSISTENCY_MISMATCH",
  "DB_NEAR_QUOTA",
  "SLOW_FSYNC",
  "SLOW_COMMIT",
  "HIGH_PEER_RTT",
  "FREQUENT_LEADER_CHANGES",
  "VERSION_SKEW",
  "CERT_EXPIRING",
  "TLS_PROBLEM",
  "MEMBER_NOT_STARTED",
  "MEMBER_NOT_READY",
  "LEARNER_READY",
  "RAFTSCOPE_BLIND",
  "RAFTSCOPE_FAULT",
  "EVENTS_NOT_SAVED",
  "DUPLICATE_ETCD_CLUSTER",
]);

/** What one verdict saw: a warning before its rule (warning-rules.ts) judged it. */
export const observedWarningSchema = z.object({
  code: warningCodeSchema,
  severity: severitySchema,
  message: z.string(),
  memberId: z.string().optional(),
});

/**
 * A warning as its rule judged it across verdicts, as Prometheus's rules/alerting.go judges an
 * alert: "pending" while it has held for less than its rule's `for`, "firing" after. Only a
 * firing warning makes the status degraded.
 */
export const healthWarningSchema = observedWarningSchema.extend({
  state: z.enum(["pending", "firing"]),
  /** Since when it has held without a break (ISO 8601). */
  activeAt: z.string(),
});

export const quorumViewSchema = z.object({
  voters: z.number(),
  learners: z.number(),
  size: z.number(),
  /** null while Raftscope cannot see the cluster. */
  healthyVoters: z.number().nullable(),
  /** healthyVoters - size; negative when quorum is lost; null while unknown. */
  margin: z.number().nullable(),
  /** voters - size: what the design tolerates. */
  tolerance: z.number(),
  /** max(0, margin): what it can still take now; null while unknown, never a guessed 0. */
  remaining: z.number().nullable(),
});

export const tlsProblemKindSchema = z.enum(tlsProblemKinds);

export const tlsProblemViewSchema = z.object({
  kind: tlsProblemKindSchema,
  message: z.string(),
});

/** A certificate as viewers see it: never the PEM, never the key. */
export const certificateSummarySchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  subjectAltNames: z.array(z.string()),
  fingerprint256: z.string(),
  serialNumber: z.string(),
  /** "expiring" within 30 days. */
  expiry: z.enum(["valid", "expiring", "expired", "not-yet-valid"]),
  /** Whole days until validTo; negative once expired. */
  daysLeft: z.number(),
});

export const tlsViewSchema = z.object({
  /** The certificate Raftscope presents to the members; null when it does not parse. */
  clientCertificate: certificateSummarySchema.nullable(),
  /** Keyed by member id: the certificate each member presented at its last check. */
  serverCertificates: z.record(z.string(), certificateSummarySchema),
  /** Why the TLS files on disk are not (or no longer) in use. */
  materialProblem: tlsProblemViewSchema.nullable(),
  /** Why no endpoint could list the members, when TLS explains it. */
  discoveryProblem: tlsProblemViewSchema.nullable(),
});

export const memberSelfCheckViewSchema = z.object({
  /** Which endpoint reported it: /health, /livez?verbose or /readyz?verbose (etcd 3.5.12+). */
  endpoint: z.enum(["health", "livez", "readyz"]),
  name: z.string(),
  ok: z.boolean(),
  detail: z.string().optional(),
  checkedAt: z.string(),
});

/** A learner's progress towards promotion: etcd promotes one whose log is 90 % of the leader's. */
export const learnerProgressSchema = z.object({
  appliedIndex: z.number(),
  leaderCommittedIndex: z.number(),
  /** appliedIndex / leaderCommittedIndex, 0..1. */
  ratio: z.number(),
  /** etcd's isLearnerReady rule: caught up to 90 % of the leader's log. */
  readyToPromote: z.boolean(),
});

export const memberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  endpoint: z.string(),
  role: memberRoleSchema,
  state: memberStateSchema,
  /** The state in words, as true as Raftscope knows it: "alive, no leader", "cut off for 12 s". */
  stateLabel: z.string(),
  /** When it stopped following the leader, while it does not; ISO 8601. */
  notFollowingSince: z.string().nullable(),
  reachable: z.boolean(),
  latencyMs: z.number().nullable(),
  version: z.string().nullable(),
  dbSizeBytes: z.number().nullable(),
  dbSizeInUseBytes: z.number().nullable(),
  quotaBackendBytes: z.number().nullable(),
  raftIndex: z.number().nullable(),
  raftAppliedIndex: z.number().nullable(),
  raftTerm: z.number().nullable(),
  /** Applied index behind the leader's; null when either is unknown. */
  applyLag: z.number().nullable(),
  alarms: z.array(z.string()),
  /** Round-trip p99 to each peer, in seconds, keyed by the peer's member id; as last measured. */
  peerRoundTripsSeconds: z.record(z.string(), z.number()),
  /** Peers whose round trip etcd has not measured again for longer than its probing period. */
  stalePeerRoundTrips: z.array(z.string()),
  /** /health, /livez and /readyz checks, each as the member last answered it. */
  selfChecks: z.array(memberSelfCheckViewSchema),
  /** Why the member's last /metrics scrape gave nothing usable; charts say so. */
  scrapeError: z.string().nullable(),
  /** etcd 3.6+: the db file's version; null when not reported (before 3.6). */
  storageVersion: z.string().nullable(),
  /** etcd 3.6+: --quota-backend-bytes as the member reports it; null when not reported. */
  dbSizeQuotaBytes: z.number().nullable(),
  /** etcd 3.6+: a cluster downgrade in progress; null when not reported. */
  downgrade: z.object({ enabled: z.boolean(), targetVersion: z.string() }).nullable(),
  /** Present on a reachable learner while the leader is known. */
  learnerProgress: learnerProgressSchema.optional(),
  /** Status.errors other than alarms, or why the member is unreachable. */
  error: z.string().nullable(),
  peerUrls: z.array(z.string()),
  clientUrls: z.array(z.string()),
  /** What a direct TLS handshake found while the member was unreachable. */
  tlsProblem: tlsProblemKindSchema.optional(),
});

export const clusterHealthSchema = z.object({
  /** Raftscope's id for the cluster, from the config. */
  id: z.string(),
  name: z.string(),
  /**
   * etcd's cluster id, hex; empty until a member answered.
   * @deprecated use etcdClusterId; every other `clusterId` in Raftscope is the config id.
   */
  clusterId: z.string(),
  /** etcd's cluster id, hex; empty until a member answered. */
  etcdClusterId: z.string(),
  observedAt: z.string(),
  /** The poller's interval; a viewer calls data stale past three of them. */
  pollIntervalMs: z.number(),
  /** When a member last answered; null if none ever has. */
  lastGoodSweepAt: z.string().nullable(),
  status: clusterStatusSchema,
  /** null while Raftscope cannot see the cluster: unknown, never a guessed false. */
  writable: z.boolean().nullable(),
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  /**
   * A majority of the voters follow the leader in its term. False while an election settles:
   * the leader is shown, but no leader change is recorded until it is confirmed.
   */
  leaderConfirmed: z.boolean(),
  /** The leader's own term (etcd's "became leader at term N"). */
  raftTerm: z.number().nullable(),
  /** Why Raftscope cannot see the cluster right now; null when it can. */
  blind: z
    .object({
      kind: z.enum(["stalled", "overloaded", "credentials", "network"]),
      message: z.string(),
    })
    .nullable(),
  /** Why events are not being saved right now; null while they are. */
  eventLogProblem: z.string().nullable(),
  quorum: quorumViewSchema,
  members: z.array(memberViewSchema),
  warnings: z.array(healthWarningSchema),
  /** Present when the cluster is reached over TLS. */
  tls: tlsViewSchema.optional(),
});

export type ClusterStatus = z.infer<typeof clusterStatusSchema>;
export type MemberRole = z.infer<typeof memberRoleSchema>;
export type MemberState = z.infer<typeof memberStateSchema>;
export type MemberSelfCheckView = z.infer<typeof memberSelfCheckViewSchema>;
export type LearnerProgress = z.infer<typeof learnerProgressSchema>;
export type Severity = z.infer<typeof severitySchema>;
export type WarningCode = z.infer<typeof warningCodeSchema>;
export type ObservedWarning = z.infer<typeof observedWarningSchema>;
export type HealthWarning = z.infer<typeof healthWarningSchema>;
export type QuorumView = z.infer<typeof quorumViewSchema>;
export type MemberView = z.infer<typeof memberViewSchema>;
export type ClusterHealth = z.infer<typeof clusterHealthSchema>;
export type TlsProblemView = z.infer<typeof tlsProblemViewSchema>;
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
export type TlsView = z.infer<typeof tlsViewSchema>;
