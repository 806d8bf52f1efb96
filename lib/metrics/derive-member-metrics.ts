import type { MemberMetrics } from "../member-snapshot";
import { bucketDeltas } from "./bucket-deltas";
import { counterRate } from "./counter-rate";
import { histogramQuantile } from "./histogram-quantile";
import type { Histogram, MetricsSample } from "./metrics-sample";

// From the buckets' increase, not their totals: cumulative buckets would answer for the whole
// life of the process, and a slow disk today would hide behind a year of fast fsyncs.
function intervalP99(prev: Histogram | undefined, next: Histogram | undefined): number | undefined {
  if (next === undefined) return undefined;
  // A series missing from the earlier scrape appeared since, so every observation is new.
  const buckets = prev === undefined ? next.buckets : bucketDeltas(prev.buckets, next.buckets);
  return histogramQuantile(0.99, buckets);
}

function peerHistogram(sample: MetricsSample, peer: string): Histogram | undefined {
  return Object.hasOwn(sample.peerRoundTripTime, peer) ? sample.peerRoundTripTime[peer] : undefined;
}

/**
 * Turns a member's latest scrape, and the one before it when there is one, into
 * MemberMetrics: gauges and totals from `next`; per-second rates and p99 latencies over the
 * interval between the two. Rates and p99s are undefined on the first scrape, when the
 * scrapes are not in time order, and (p99s) when nothing was observed in the interval.
 * Counter resets from a restart never give negative rates.
 */
export function deriveMemberMetrics(
  prev: MetricsSample | undefined,
  next: MetricsSample,
): MemberMetrics {
  const seconds = prev === undefined ? Number.NaN : (next.scrapedAt - prev.scrapedAt) / 1000;
  const earlier = seconds > 0 && Number.isFinite(seconds) ? prev : undefined;
  const rate = (pick: (s: MetricsSample) => number | undefined) =>
    earlier && counterRate(pick(earlier), pick(next), seconds);
  const p99 = (pick: (s: MetricsSample) => Histogram | undefined) =>
    earlier && intervalP99(pick(earlier), pick(next));

  const peerRoundTripP99Seconds = Object.fromEntries(
    Object.keys(next.peerRoundTripTime).flatMap((peer) => {
      const p = p99((s) => peerHistogram(s, peer));
      return p === undefined ? [] : [[peer, p] as const];
    }),
  );
  const hasLeader = next.hasLeader;

  return {
    scrapedAt: next.scrapedAt,
    hasLeader: hasLeader === undefined || Number.isNaN(hasLeader) ? undefined : hasLeader > 0,
    leaderChangesSeenTotal: next.leaderChangesSeenTotal,
    proposalsCommittedTotal: next.proposalsCommittedTotal,
    proposalsAppliedTotal: next.proposalsAppliedTotal,
    proposalsPending: next.proposalsPending,
    proposalsFailedTotal: next.proposalsFailedTotal,
    proposalsCommittedRate: rate((s) => s.proposalsCommittedTotal),
    proposalsAppliedRate: rate((s) => s.proposalsAppliedTotal),
    proposalsFailedRate: rate((s) => s.proposalsFailedTotal),
    walFsyncP99Seconds: p99((s) => s.walFsyncDuration),
    backendCommitP99Seconds: p99((s) => s.backendCommitDuration),
    peerRoundTripP99Seconds,
    dbTotalSizeBytes: next.dbTotalSizeBytes,
    dbInUseBytes: next.dbInUseBytes,
    quotaBackendBytes: next.quotaBackendBytes,
    slowApplyTotal: next.slowApplyTotal,
    heartbeatSendFailuresTotal: next.heartbeatSendFailuresTotal,
    grpcRequestsTotal: next.grpcStartedTotal,
    grpcFailedTotal: next.grpcFailedTotal,
    grpcRequestRate: rate((s) => s.grpcStartedTotal),
    grpcFailedRate: rate((s) => s.grpcFailedTotal),
    residentMemoryBytes: next.residentMemoryBytes,
    cpuSecondsTotal: next.cpuSecondsTotal,
    cpuRate: rate((s) => s.cpuSecondsTotal),
    processStartTimeSeconds: next.processStartTimeSeconds,
    clusterVersion: next.clusterVersion,
    featuresEnabled: next.featuresEnabled,
    defragInflight: next.defragInflight === undefined ? undefined : next.defragInflight > 0,
    defragCount: next.defragCount,
    defragSumSeconds: next.defragSumSeconds,
    snapshotSendInflight: next.snapshotSendInflight,
    snapshotSendsTotal: next.snapshotSendsTotal,
    snapshotSavesTotal: next.snapshotSavesTotal,
    moveLeaderTotal: next.moveLeaderTotal,
  };
}
