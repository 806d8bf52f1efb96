import type { ClusterSnapshot } from "../member-snapshot";

/** What the forensics need of one member at one sweep; absent fields were not known. */
export interface MemberForensics {
  name: string;
  reachable: boolean;
  error?: string;
  processStartTimeSeconds?: number;
  heartbeatSendFailuresTotal?: number;
  walFsyncP99Seconds?: number;
  backendCommitP99Seconds?: number;
  /** Worst peer round-trip p99 from this member. */
  peerRoundTripP99Seconds?: number;
  slowApplyTotal?: number;
  defragInflight?: boolean;
  defragCount?: number;
  snapshotSendsTotal?: number;
  snapshotSavesTotal?: number;
  dbSizeBytes?: number;
  quotaBackendBytes?: number;
  moveLeaderTotal?: number;
}

export interface ForensicSample {
  t: number;
  leaderId: string | null;
  members: Record<string, MemberForensics>;
}

function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** One sweep reduced to what leader-change forensics read. */
export function toForensicSample(
  snapshot: ClusterSnapshot,
  leaderId: string | null,
): ForensicSample {
  const members: Record<string, MemberForensics> = {};
  for (const s of snapshot.members) {
    const m = s.metrics;
    const rtts = Object.values(m?.peerRoundTripP99Seconds ?? {});
    members[s.member.id] = defined({
      name: s.member.name,
      reachable: s.probe.kind === "reachable",
      error: s.probe.kind === "unreachable" ? s.probe.error : undefined,
      processStartTimeSeconds: m?.processStartTimeSeconds,
      heartbeatSendFailuresTotal: m?.heartbeatSendFailuresTotal,
      walFsyncP99Seconds: m?.walFsyncP99Seconds,
      backendCommitP99Seconds: m?.backendCommitP99Seconds,
      peerRoundTripP99Seconds: rtts.length > 0 ? Math.max(...rtts) : undefined,
      slowApplyTotal: m?.slowApplyTotal,
      defragInflight: m?.defragInflight,
      defragCount: m?.defragCount,
      snapshotSendsTotal: m?.snapshotSendsTotal,
      snapshotSavesTotal: m?.snapshotSavesTotal,
      dbSizeBytes: s.probe.kind === "reachable" ? s.probe.status.dbSizeBytes : m?.dbTotalSizeBytes,
      quotaBackendBytes: m?.quotaBackendBytes,
      moveLeaderTotal: m?.moveLeaderTotal,
    });
  }
  return { t: snapshot.observedAt, leaderId, members };
}
