/**
 * Every number Raftscope judges a cluster by, in one place: etcd's own guidance, the etcd
 * mixin's alert thresholds and the verdict's own grace periods. Warnings, their messages,
 * charts and explanations read them from here, never as copied literals.
 */
export const thresholds = {
  /** etcd hardware guidance: wal fsync p99 under 10 ms. */
  walFsyncP99Seconds: 0.01,
  /** etcd hardware guidance: backend commit p99 under 25 ms. */
  backendCommitP99Seconds: 0.025,
  /** etcd mixin MemberCommunicationSlow. */
  peerRoundTripP99Seconds: 0.15,
  /**
   * etcd records a peer's round trip once per probing status period (rafthttp's
   * statusMonitoringInterval, 30 s), and only while the peer answers its prober. A value older
   * than two periods plus a scrape is no longer current, and raises no HIGH_PEER_RTT.
   */
  peerRoundTripStaleMs: 75_000,
  /** Warn when the db reaches this share of the quota; critical at the mixin's 95 %. */
  dbQuotaWarnRatio: 0.8,
  dbQuotaCriticalRatio: 0.95,
  /** etcd mixin HighNumberOfLeaderChanges: 4 or more within 15 minutes. */
  leaderChangesWarn: 4,
  leaderChangesWindowMs: 15 * 60 * 1000,
  /** etcd's default --quota-backend-bytes, used when a member does not expose its quota. */
  defaultQuotaBackendBytes: 2 * 1024 * 1024 * 1024,
  /**
   * etcd refuses `member promote` until the learner's log has reached 90 % of the leader's
   * (server/etcdserver/server.go, isLearnerReady: readyPercentThreshold = 0.9).
   */
  learnerReadyRatio: 0.9,
  /** etcd logs an apply that took longer than this as slow (etcd_server_slow_apply_total). */
  slowApplySeconds: 0.1,
  /** Certificates are flagged this many days before they expire. */
  certExpiryWarningDays: 30,
  /** How long a voter may be behind the leader before it is cut off: a few election timeouts. */
  catchUpGraceMs: 3_000,
  /**
   * The verdict's confirmation rule: bad news holds for this long, over at least two verdicts,
   * before it is an event; warnings that a moment's transient must not raise wait as long.
   */
  confirmMs: 1_000,
  /**
   * No bad news is confirmed within this long of a confirmed blind interval's end: a
   * process coming out of its own stall (a start-up with many clusters, a long GC) misses
   * deadlines for a while after its loop seems free again, and those are its own, as
   * Kubernetes' node lifecycle controller gives a starting node a grace period
   * (nodeStartupGracePeriod) before it calls it NotReady. A fact that holds throughout is
   * confirmed as soon as the grace ends.
   */
  afterBlindGraceMs: 5_000,
  /**
   * How long a latency p99 (fsync, commit, peer round trip) must stay above its guidance before
   * it degrades the status: more than two scrapes at the default 2 s interval. One scrape's p99
   * is noisy: a member just restarted showed a backend commit p99 over 25 ms for one scrape
   * (lib/test-factories/fixtures/etcd-3.4-two-followers-stopped.json).
   */
  sustainedLatencyMs: 5_000,
  /**
   * How long a peer's round-trip p99 must stay above its threshold before it degrades the
   * status: three of etcd's probing periods (30 s each, see peerRoundTripStaleMs). etcd records
   * its prober's smoothed round trip (SRTT) once a period, so a probe that waited out a peer's
   * freeze or restart measures the outage, not the network, and the smoothing carries it into
   * the next record too: after a 10 s follower freeze the p99 stayed above 150 ms for 61.5 to
   * 63.5 s (two trials), which two periods (60 s) let fire. Three consecutive high records are a
   * slow link. (The mixin's etcdMemberCommunicationSlow waits 10 min.)
   */
  peerRoundTripSustainedMs: 90_000,
} as const;
