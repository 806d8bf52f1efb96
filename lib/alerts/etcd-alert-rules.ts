import type { AlertContext, AlertRule, Measurement } from "./alert-rule";
import {
  counterIncrease,
  integrateRate,
  mean,
  memberSeries,
  predictLinear,
  windowStart,
} from "./series-math";
import { worstMember } from "./worst-member";

const MINUTE = 60_000;
const MIB = 1024 * 1024;
const RUNBOOKS = "https://runbooks.prometheus-operator.dev/runbooks/etcd";
const MAINTENANCE = "https://etcd.io/docs/v3.5/op-guide/maintenance";

/** Each member's value over a trailing window ending at `index`, reduced to one number. */
function overWindow(
  ctx: AlertContext,
  index: number,
  spanMs: number,
  reduce: (memberId: string, from: number) => number | undefined,
  holds: (value: number) => boolean,
): Measurement | null {
  const from = windowStart(ctx.points, index, spanMs);
  return worstMember(ctx, index, (_, memberId) => reduce(memberId, from), holds);
}

const reachableVoters = (ctx: AlertContext, index: number) => {
  const point = ctx.points[index];
  if (!point) return undefined;
  return ctx.voterIds.filter((id) => point.members[id]?.reachable).length;
};

const failedGrpcPercent =
  (threshold: number) =>
  (ctx: AlertContext, index: number): Measurement | null =>
    overWindow(
      ctx,
      index,
      5 * MINUTE,
      (id, from) => {
        const failed = mean(memberSeries(ctx.points, id, "grpcFailedRate", from, index));
        const total = mean(memberSeries(ctx.points, id, "grpcRequestRate", from, index));
        // No requests is no ratio at all, as PromQL's 0/0.
        return failed === undefined || !total ? undefined : (100 * failed) / total;
      },
      (v) => v > threshold,
    );

const fsyncAbove = (threshold: number) => (ctx: AlertContext, index: number) =>
  worstMember(
    ctx,
    index,
    (s) => s.walFsyncP99Seconds,
    (v) => v > threshold,
  );

const GRPC_NOTE =
  "Raftscope counts every code but OK as failed, and each step keeps its worst second of failures; the mixin counts only server-side codes such as Unavailable and DeadlineExceeded.";

const P99_NOTE =
  "Raftscope's p99 covers each scrape interval rather than 5 minutes, so short spikes weigh more.";

/**
 * The etcd mixin's alert rules (etcd-io/etcd contrib/mixin) with their thresholds and `for:`
 * durations, measured on Raftscope's history. The warning and critical variants of a rule are
 * separate rules, as in the mixin.
 */
export const etcdAlertRules: readonly AlertRule[] = [
  {
    name: "etcdNoLeader",
    severity: "critical",
    forMs: MINUTE,
    summary: "etcd cluster has no leader",
    condition: "no leader agreed by the voters",
    unit: "boolean",
    runbookUrl: `${RUNBOOKS}/etcdnoleader/`,
    measure: (ctx, i) => {
      const point = ctx.points[i];
      // With no member answering there is no has_leader metric to read: that is InsufficientMembers.
      if (!point || !Object.values(point.members).some((m) => m.reachable)) return null;
      const leaderless = point.leaderId === null;
      return { value: leaderless ? 1 : 0, holds: leaderless };
    },
  },
  {
    name: "etcdInsufficientMembers",
    severity: "critical",
    forMs: 3 * MINUTE,
    summary: "etcd cluster has insufficient number of members",
    condition: "members up < (members + 1) / 2",
    unit: "count",
    runbookUrl: `${RUNBOOKS}/etcdinsufficientmembers/`,
    measure: (ctx, i) => {
      const up = reachableVoters(ctx, i);
      if (up === undefined || ctx.voterIds.length === 0) return null;
      return { value: up, holds: up < (ctx.voterIds.length + 1) / 2 };
    },
  },
  {
    name: "etcdMembersDown",
    severity: "critical",
    forMs: 10 * MINUTE,
    summary: "etcd cluster members are down",
    condition: "members down > 0",
    unit: "count",
    runbookUrl: `${RUNBOOKS}/etcdmembersdown/`,
    note: "Raftscope counts members that do not answer its Status call; the mixin also counts peer send failures.",
    measure: (ctx, i) => {
      const point = ctx.points[i];
      if (!point) return null;
      const down = Object.values(point.members).filter((m) => !m.reachable).length;
      return { value: down, holds: down > 0 };
    },
  },
  {
    name: "etcdHighNumberOfLeaderChanges",
    severity: "warning",
    forMs: 5 * MINUTE,
    summary: "etcd cluster has high number of leader changes",
    condition: "≥ 4 leader changes in 15 minutes",
    unit: "count",
    runbookUrl: `${RUNBOOKS}/etcdhighnumberofleaderchanges/`,
    measure: (ctx, i) =>
      overWindow(
        ctx,
        i,
        15 * MINUTE,
        (id, from) => {
          const series = memberSeries(ctx.points, id, "leaderChangesSeenTotal", from, i);
          return series.length > 0 ? counterIncrease(series) : undefined;
        },
        (v) => v >= 4,
      ),
  },
  {
    name: "etcdHighNumberOfFailedGRPCRequests",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster has high number of failed gRPC requests",
    condition: "failed gRPC requests > 1 % over 5 minutes",
    unit: "percent",
    runbookUrl: `${RUNBOOKS}/etcdhighnumberoffailedgrpcrequests/`,
    note: GRPC_NOTE,
    measure: failedGrpcPercent(1),
  },
  {
    name: "etcdHighNumberOfFailedGRPCRequests",
    severity: "critical",
    forMs: 5 * MINUTE,
    summary: "etcd cluster has high number of failed gRPC requests",
    condition: "failed gRPC requests > 5 % over 5 minutes",
    unit: "percent",
    runbookUrl: `${RUNBOOKS}/etcdhighnumberoffailedgrpcrequests/`,
    note: GRPC_NOTE,
    measure: failedGrpcPercent(5),
  },
  {
    name: "etcdMemberCommunicationSlow",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster member communication is slow",
    condition: "peer round-trip p99 > 0.15 s",
    unit: "seconds",
    runbookUrl: `${RUNBOOKS}/etcdmembercommunicationslow/`,
    note: P99_NOTE,
    measure: (ctx, i) =>
      worstMember(
        ctx,
        i,
        (s) => s.peerRoundTripP99Seconds,
        (v) => v > 0.15,
      ),
  },
  {
    name: "etcdHighNumberOfFailedProposals",
    severity: "warning",
    forMs: 15 * MINUTE,
    summary: "etcd cluster has high number of proposal failures",
    condition: "> 5 failed proposals in 1 hour",
    unit: "count",
    runbookUrl: `${RUNBOOKS}/etcdhighnumberoffailedproposals/`,
    note: "As the rule etcd 3.4 ships (increase over 1h; newer mixins use rate over 15m). Counted from the failure rate in the history, where each step keeps its worst second, so a short burst can count for more than it was.",
    measure: (ctx, i) =>
      overWindow(
        ctx,
        i,
        60 * MINUTE,
        (id, from) => {
          const series = memberSeries(ctx.points, id, "proposalsFailedRate", from, i);
          return series.length > 0 ? integrateRate(series) : undefined;
        },
        (v) => v > 5,
      ),
  },
  {
    name: "etcdHighFsyncDurations",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster 99th percentile fsync durations are too high",
    condition: "WAL fsync p99 > 0.5 s",
    unit: "seconds",
    runbookUrl: `${RUNBOOKS}/etcdhighfsyncdurations/`,
    note: P99_NOTE,
    measure: fsyncAbove(0.5),
  },
  {
    name: "etcdHighFsyncDurations",
    severity: "critical",
    forMs: 10 * MINUTE,
    summary: "etcd cluster 99th percentile fsync durations are too high",
    condition: "WAL fsync p99 > 1 s",
    unit: "seconds",
    runbookUrl: `${RUNBOOKS}/etcdhighfsyncdurations/`,
    note: P99_NOTE,
    measure: fsyncAbove(1),
  },
  {
    name: "etcdHighCommitDurations",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster 99th percentile commit durations are too high",
    condition: "backend commit p99 > 0.25 s",
    unit: "seconds",
    runbookUrl: `${RUNBOOKS}/etcdhighcommitdurations/`,
    note: P99_NOTE,
    measure: (ctx, i) =>
      worstMember(
        ctx,
        i,
        (s) => s.backendCommitP99Seconds,
        (v) => v > 0.25,
      ),
  },
  {
    name: "etcdDatabaseQuotaLowSpace",
    severity: "critical",
    forMs: 10 * MINUTE,
    summary: "etcd cluster database is running full",
    condition: "database size > 95 % of the quota",
    unit: "percent",
    runbookUrl: `${RUNBOOKS}/etcdbackendquotalowspace/`,
    measure: (ctx, i) =>
      worstMember(
        ctx,
        i,
        (s) =>
          s.dbSizeBytes === undefined
            ? undefined
            : (100 * s.dbSizeBytes) / (s.quotaBackendBytes ?? ctx.defaultQuotaBytes),
        (v) => v > 95,
      ),
  },
  {
    name: "etcdExcessiveDatabaseGrowth",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd cluster database growing very fast",
    condition: "size predicted 4 hours ahead > quota",
    unit: "percent",
    runbookUrl: `${RUNBOOKS}/etcdexcessivedatabasegrowth/`,
    note: "The mixin fits the last 4 hours; Raftscope fits the history it keeps (1 hour) and waits for 5 minutes of it.",
    measure: (ctx, i) =>
      overWindow(
        ctx,
        i,
        4 * 60 * MINUTE,
        (id, from) => {
          const series = memberSeries(ctx.points, id, "dbSizeBytes", from, i);
          const first = series[0];
          const last = series.at(-1);
          // A line through a minute of samples predicts noise, not growth.
          if (!first || !last || last.t - first.t < 5 * MINUTE) return undefined;
          const predicted = predictLinear(series, 4 * 60 * MINUTE);
          const quota = ctx.points[i]?.members[id]?.quotaBackendBytes ?? ctx.defaultQuotaBytes;
          return predicted === undefined ? undefined : (100 * predicted) / quota;
        },
        (v) => v > 100,
      ),
  },
  {
    name: "etcdDatabaseHighFragmentationRatio",
    severity: "warning",
    forMs: 10 * MINUTE,
    summary: "etcd database size in use is less than 50 % of the allocated storage",
    condition: "in use / total < 0.5 with more than 100 MiB in use",
    unit: "ratio",
    runbookUrl: `${MAINTENANCE}/#defragmentation`,
    measure: (ctx, i) => {
      const ratioOf = (inUse: number | undefined, total: number | undefined) =>
        inUse === undefined || !total ? undefined : inUse / total;
      // Small databases are never worth a defragmentation, however fragmented.
      const large = worstMember(
        ctx,
        i,
        (s) =>
          s.dbSizeInUseBytes !== undefined && s.dbSizeInUseBytes > 100 * MIB
            ? ratioOf(s.dbSizeInUseBytes, s.dbSizeBytes)
            : undefined,
        (v) => v < 0.5,
        "min",
      );
      return (
        large ??
        worstMember(
          ctx,
          i,
          (s) => ratioOf(s.dbSizeInUseBytes, s.dbSizeBytes),
          () => false,
          "min",
        )
      );
    },
  },
];
