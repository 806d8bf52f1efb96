import { formatMs } from "@/lib/format/format-ms";
import type { ValueUnit } from "@/lib/format/format-value";
import { thresholds } from "@/lib/health/thresholds";
import type { MemberSample } from "@/lib/history/history-point";

export type ChartField = {
  [K in keyof MemberSample]-?: MemberSample[K] extends number | undefined ? K : never;
}[keyof MemberSample];

export interface ChartSeries {
  field: ChartField;
  /** Added to the member's name when a chart draws two series per member. */
  suffix: string;
  dashed?: boolean;
  /** Draw a counter as its increase since the window began. */
  increase?: boolean;
}

export interface ChartGuide {
  value: number;
  label: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  description: string;
  unit: ValueUnit;
  series: ChartSeries[];
  /** etcd's guidance or the alert threshold, drawn as a line. */
  guide?: ChartGuide;
  /** Draw each member's backend quota. */
  quota?: boolean;
  step?: boolean;
  /**
   * Draw one line for the whole cluster: the most any reachable member reports, as the etcd
   * mixin counts leader changes (`max without (instance)`), so one member's restart that
   * resets its own counter is not a change.
   */
  clusterMax?: boolean;
}

/** The live charts, in the order an operator reads them: raft, disk, network, process. */
export const chartSpecs: readonly ChartSpec[] = [
  {
    id: "proposals",
    title: "Raft proposals committed and applied",
    description: "Per second; applied (dashed) trailing committed means the member falls behind.",
    unit: "rate",
    series: [
      { field: "proposalsCommittedRate", suffix: "committed" },
      { field: "proposalsAppliedRate", suffix: "applied", dashed: true },
    ],
  },
  {
    id: "pending",
    title: "Proposals pending",
    description: "Proposals waiting to commit; a rising count means the leader is overloaded.",
    unit: "count",
    series: [{ field: "proposalsPending", suffix: "" }],
  },
  {
    id: "failed",
    title: "Failed proposals",
    description: "Per second; failures come from elections and lost quorum.",
    unit: "rate",
    series: [{ field: "proposalsFailedRate", suffix: "" }],
  },
  {
    id: "leader-changes",
    title: "Leader changes",
    description:
      "Leader changes since the window began: the most any member has seen, as the etcd mixin counts them.",
    unit: "count",
    series: [{ field: "leaderChangesSeenTotal", suffix: "", increase: true }],
    step: true,
    clusterMax: true,
  },
  {
    id: "db",
    title: "Database size and in use",
    description: "Total size (solid) and in use (dashed); the gap is what defragmentation frees.",
    unit: "bytes",
    series: [
      { field: "dbSizeBytes", suffix: "size" },
      { field: "dbSizeInUseBytes", suffix: "in use", dashed: true },
    ],
    quota: true,
  },
  {
    id: "fsync",
    title: "WAL fsync p99",
    description: `etcd asks for under ${formatMs(thresholds.walFsyncP99Seconds)}; slow fsyncs delay every write and heartbeat.`,
    unit: "seconds",
    series: [{ field: "walFsyncP99Seconds", suffix: "" }],
    guide: {
      value: thresholds.walFsyncP99Seconds,
      label: `${formatMs(thresholds.walFsyncP99Seconds)} guidance`,
    },
  },
  {
    id: "commit",
    title: "Backend commit p99",
    description: `etcd asks for under ${formatMs(thresholds.backendCommitP99Seconds)}.`,
    unit: "seconds",
    series: [{ field: "backendCommitP99Seconds", suffix: "" }],
    guide: {
      value: thresholds.backendCommitP99Seconds,
      label: `${formatMs(thresholds.backendCommitP99Seconds)} guidance`,
    },
  },
  {
    id: "peer-rtt",
    title: "Peer round-trip p99",
    description: `Each member's slowest peer; the etcd alert fires above ${formatMs(thresholds.peerRoundTripP99Seconds)}.`,
    unit: "seconds",
    series: [{ field: "peerRoundTripP99Seconds", suffix: "" }],
  },
  {
    id: "grpc",
    title: "gRPC requests and failures",
    description:
      "Requests started per second (solid) and failed (dashed) by the etcd mixin's codes; a cancelled Watch is not a failure.",
    unit: "rate",
    series: [
      { field: "grpcRequestRate", suffix: "requests" },
      { field: "grpcFailedRate", suffix: "failed", dashed: true },
    ],
  },
  {
    id: "rss",
    title: "Process memory (RSS)",
    description: "Resident memory of each etcd process.",
    unit: "bytes",
    series: [{ field: "residentMemoryBytes", suffix: "" }],
  },
];
