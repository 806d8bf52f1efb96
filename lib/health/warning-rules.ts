import type { WarningCode } from "./cluster-health";
import { thresholds } from "./thresholds";

/** One of the verdict's warnings as an alerting rule: how long it must hold before it fires. */
export interface WarningRule {
  code: WarningCode;
  /** Like a Prometheus rule's `for:`; 0 fires at the first verdict that sees it. */
  forMs: number;
  /** Why this `for`: the etcd doc, mixin rule or verdict rule it follows. */
  source: string;
}

const immediate = (code: WarningCode, source: string): WarningRule => ({
  code,
  forMs: 0,
  source,
});

const sustained = (code: WarningCode, source: string): WarningRule => ({
  code,
  forMs: thresholds.sustainedLatencyMs,
  source,
});

const confirmed = (code: WarningCode, source: string): WarningRule => ({
  code,
  forMs: thresholds.confirmMs,
  source,
});

/**
 * Every warning code as a rule judged by the same pending → firing state machine as the etcd
 * mixin's rules (../alerts/alerting-rule.ts). `for: 0` where the fault is real the moment it is
 * seen (writes fail, a member is gone, etcd itself refuses); `thresholds.confirmMs` (the
 * verdict's confirmation rule, ../events/confirm-facts.ts) where a moment's transient of a
 * healthy cluster would otherwise raise it; `thresholds.sustainedLatencyMs` for latency p99s,
 * which must hold over more than one scrape. The etcd mixin's own, longer `for:` durations stay
 * with its rules, which are evaluated beside these.
 */
export const warningRules: Readonly<Record<WarningCode, WarningRule>> = {
  NO_LEADER: immediate(
    "NO_LEADER",
    "etcd refuses every write while no leader is known (etcd docs: failure modes, leader failure); the mixin's etcdNoLeader waits 1 min, Raftscope's headline must not",
  ),
  MEMBER_UNREACHABLE: immediate(
    "MEMBER_UNREACHABLE",
    "a voter that does not answer takes quorum margin away now (etcd docs: failure modes); each probe already waited its deadline",
  ),
  MEMBER_ISOLATED: immediate(
    "MEMBER_ISOLATED",
    "already confirmed: a voter is cut off only after thresholds.catchUpGraceMs behind the leader (member-state.ts)",
  ),
  ALARM_NOSPACE: immediate(
    "ALARM_NOSPACE",
    "etcd refuses writes from the moment the alarm is raised (etcd docs: maintenance, space quota)",
  ),
  ALARM_CORRUPT: immediate(
    "ALARM_CORRUPT",
    "etcd raises CORRUPT once its corruption check found diverged data; nothing transient about it",
  ),
  CONSISTENCY_MISMATCH: immediate(
    "CONSISTENCY_MISMATCH",
    "already confirmed: HashKV of every voter at one pinned revision, outside any election (consistency-round.ts); it stands until a later check agrees",
  ),
  EVEN_VOTERS: immediate(
    "EVEN_VOTERS",
    "membership, not a measurement (etcd FAQ: why an odd number of cluster members)",
  ),
  MEMBER_NOT_STARTED: immediate(
    "MEMBER_NOT_STARTED",
    "membership: the member list names a member that never started",
  ),
  VERSION_SKEW: immediate("VERSION_SKEW", "each member's own Status answer names its version"),
  DB_NEAR_QUOTA: immediate(
    "DB_NEAR_QUOTA",
    "the db size only shrinks by compaction and defragmentation: a level, not a transient (mixin etcdBackendQuotaLowSpace judges it again with its 10 min)",
  ),
  SLOW_FSYNC: sustained(
    "SLOW_FSYNC",
    "etcd's hardware guidance is about sustained fsync latency, and one scrape's p99 is noisy; mixin etcdHighFsyncDurations judges its own threshold with 10 min",
  ),
  SLOW_COMMIT: sustained(
    "SLOW_COMMIT",
    "etcd's hardware guidance is about sustained commit latency; a member just restarted shows one slow scrape (captured on etcd 3.4); mixin etcdHighCommitDurations judges its own threshold with 10 min",
  ),
  HIGH_PEER_RTT: {
    code: "HIGH_PEER_RTT",
    forMs: thresholds.peerRoundTripSustainedMs,
    source:
      "etcd measures a peer's round trip once per 30 s probe, so one high probe (one that waited out a frozen or restarting peer) stays current for 30 s; two consecutive probes must be high (thresholds.peerRoundTripSustainedMs); mixin etcdMemberCommunicationSlow judges the same threshold with 10 min",
  },
  FREQUENT_LEADER_CHANGES: immediate(
    "FREQUENT_LEADER_CHANGES",
    "already a count over thresholds.leaderChangesWindowMs of confirmed leader changes (mixin etcdHighNumberOfLeaderChanges)",
  ),
  CERT_EXPIRING: immediate(
    "CERT_EXPIRING",
    "already thresholds.certExpiryWarningDays ahead of the certificate's own dates",
  ),
  TLS_PROBLEM: immediate(
    "TLS_PROBLEM",
    "a handshake or the files on disk failed in a way retrying does not fix",
  ),
  LEARNER_READY: immediate(
    "LEARNER_READY",
    "etcd's own isLearnerReady rule (thresholds.learnerReadyRatio); information, never a fault",
  ),
  RAFTSCOPE_BLIND: immediate(
    "RAFTSCOPE_BLIND",
    "the headline must say at once that Raftscope, not the cluster, is what it cannot trust",
  ),
  RAFTSCOPE_FAULT: immediate("RAFTSCOPE_FAULT", "Raftscope's own poller failed this sweep"),
  EVENTS_NOT_SAVED: immediate(
    "EVENTS_NOT_SAVED",
    "events the disk refused are queued and retried (event-recorder.ts), but the log has a gap from the first refusal",
  ),
  DUPLICATE_ETCD_CLUSTER: immediate(
    "DUPLICATE_ETCD_CLUSTER",
    "a fact of the config, not of the cluster: information, never a fault",
  ),
  APPLY_LAG: confirmed(
    "APPLY_LAG",
    "a follower applies a burst of writes a moment after the leader commits it; the verdict's confirmation rule",
  ),
  LEADER_DISAGREEMENT: confirmed(
    "LEADER_DISAGREEMENT",
    "voters learn a new leader one heartbeat apart while an election settles; the verdict's confirmation rule",
  ),
  MEMBER_NOT_READY: confirmed(
    "MEMBER_NOT_READY",
    "etcd's /health answers false while a member knows no leader, so it fails for the moment of an election; the verdict's confirmation rule",
  ),
};
