import { z } from "zod";
import { tlsProblemKinds } from "../tls/tls-diagnosis";

/** The verdict Raftscope derives from one cluster snapshot: the API's health contract. */

export const clusterStatusSchema = z.enum(["healthy", "degraded", "critical", "unavailable"]);
export const memberRoleSchema = z.enum(["leader", "follower", "learner"]);
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
  "DB_NEAR_QUOTA",
  "SLOW_FSYNC",
  "SLOW_COMMIT",
  "HIGH_PEER_RTT",
  "FREQUENT_LEADER_CHANGES",
  "VERSION_SKEW",
  "CERT_EXPIRING",
  "TLS_PROBLEM",
]);

export const healthWarningSchema = z.object({
  code: warningCodeSchema,
  severity: severitySchema,
  message: z.string(),
  memberId: z.string().optional(),
});

export const quorumViewSchema = z.object({
  voters: z.number(),
  learners: z.number(),
  size: z.number(),
  healthyVoters: z.number(),
  /** healthyVoters - size; negative when quorum is lost. */
  margin: z.number(),
  /** voters - size: what the design tolerates. */
  tolerance: z.number(),
  /** max(0, margin): what it can still take now. */
  remaining: z.number(),
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

export const memberViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  endpoint: z.string(),
  role: memberRoleSchema,
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
  /** etcd's cluster id, hex; empty until a member answered. */
  clusterId: z.string(),
  observedAt: z.string(),
  /** The poller's interval; a viewer calls data stale past three of them. */
  pollIntervalMs: z.number(),
  /** When a member last answered; null if none ever has. */
  lastGoodSweepAt: z.string().nullable(),
  status: clusterStatusSchema,
  writable: z.boolean(),
  leader: z.object({ id: z.string(), name: z.string() }).nullable(),
  raftTerm: z.number().nullable(),
  quorum: quorumViewSchema,
  members: z.array(memberViewSchema),
  warnings: z.array(healthWarningSchema),
  /** Present when the cluster is reached over TLS. */
  tls: tlsViewSchema.optional(),
});

export type ClusterStatus = z.infer<typeof clusterStatusSchema>;
export type MemberRole = z.infer<typeof memberRoleSchema>;
export type Severity = z.infer<typeof severitySchema>;
export type WarningCode = z.infer<typeof warningCodeSchema>;
export type HealthWarning = z.infer<typeof healthWarningSchema>;
export type QuorumView = z.infer<typeof quorumViewSchema>;
export type MemberView = z.infer<typeof memberViewSchema>;
export type ClusterHealth = z.infer<typeof clusterHealthSchema>;
export type TlsProblemView = z.infer<typeof tlsProblemViewSchema>;
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
export type TlsView = z.infer<typeof tlsViewSchema>;
