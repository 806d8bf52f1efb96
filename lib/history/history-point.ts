import type { ClusterHealth } from "../health/cluster-health";
import type { ClusterSnapshot } from "../member-snapshot";

/** One member at one instant, as the charts draw it. Absent fields were not known. */
export interface MemberSample {
  reachable: boolean;
  latencyMs?: number;
  raftIndex?: number;
  raftAppliedIndex?: number;
  dbSizeBytes?: number;
  dbSizeInUseBytes?: number;
  quotaBackendBytes?: number;
  proposalsCommittedRate?: number;
  proposalsAppliedRate?: number;
  proposalsPending?: number;
  proposalsFailedRate?: number;
  leaderChangesSeenTotal?: number;
  walFsyncP99Seconds?: number;
  backendCommitP99Seconds?: number;
  /** Worst peer round-trip p99 from this member. */
  peerRoundTripP99Seconds?: number;
  grpcRequestRate?: number;
  grpcFailedRate?: number;
  residentMemoryBytes?: number;
  cpuRate?: number;
}

export interface HistoryPoint {
  t: number;
  leaderId: string | null;
  raftTerm: number | null;
  members: Record<string, MemberSample>;
}

function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** Flattens a snapshot and its verdict into the point the charts need. */
export function toHistoryPoint(snapshot: ClusterSnapshot, health: ClusterHealth): HistoryPoint {
  const members: Record<string, MemberSample> = {};
  for (const snap of snapshot.members) {
    const status = snap.probe.kind === "reachable" ? snap.probe.status : undefined;
    const m = snap.metrics;
    const rtts = Object.values(m?.peerRoundTripP99Seconds ?? {});
    members[snap.member.id] = defined({
      reachable: snap.probe.kind === "reachable",
      latencyMs: snap.probe.kind === "reachable" ? snap.probe.latencyMs : undefined,
      raftIndex: status?.raftIndex,
      raftAppliedIndex: status?.raftAppliedIndex,
      dbSizeBytes: status?.dbSizeBytes ?? m?.dbTotalSizeBytes,
      dbSizeInUseBytes: status?.dbSizeInUseBytes ?? m?.dbInUseBytes,
      quotaBackendBytes: m?.quotaBackendBytes,
      proposalsCommittedRate: m?.proposalsCommittedRate,
      proposalsAppliedRate: m?.proposalsAppliedRate,
      proposalsPending: m?.proposalsPending,
      proposalsFailedRate: m?.proposalsFailedRate,
      leaderChangesSeenTotal: m?.leaderChangesSeenTotal,
      walFsyncP99Seconds: m?.walFsyncP99Seconds,
      backendCommitP99Seconds: m?.backendCommitP99Seconds,
      peerRoundTripP99Seconds: rtts.length > 0 ? Math.max(...rtts) : undefined,
      grpcRequestRate: m?.grpcRequestRate,
      grpcFailedRate: m?.grpcFailedRate,
      residentMemoryBytes: m?.residentMemoryBytes,
      cpuRate: m?.cpuRate,
    });
  }
  return {
    t: snapshot.observedAt,
    leaderId: health.leader?.id ?? null,
    raftTerm: health.raftTerm,
    members,
  };
}
