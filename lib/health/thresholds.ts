/** etcd's own guidance and alert-rule thresholds, in one place. */
export const thresholds = {
  /** etcd hardware guidance: wal fsync p99 under 10 ms. */
  walFsyncP99Seconds: 0.01,
  /** etcd hardware guidance: backend commit p99 under 25 ms. */
  backendCommitP99Seconds: 0.025,
  /** etcd mixin MemberCommunicationSlow. */
  peerRoundTripP99Seconds: 0.15,
  /** Warn when the db reaches this share of the quota; critical at the mixin's 95 %. */
  dbQuotaWarnRatio: 0.8,
  dbQuotaCriticalRatio: 0.95,
  /** etcd mixin HighNumberOfLeaderChanges: 4 or more within 15 minutes. */
  leaderChangesWarn: 4,
  leaderChangesWindowMs: 15 * 60 * 1000,
  /** etcd's default --quota-backend-bytes, used when a member does not expose its quota. */
  defaultQuotaBackendBytes: 2 * 1024 * 1024 * 1024,
} as const;
