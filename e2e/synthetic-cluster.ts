import type { ClusterHealth, MemberView } from "../lib/health/cluster-health";
import { quorumOf } from "../lib/health/quorum";
import type { HistoryPoint, MemberSample } from "../lib/history/history-point";

const MIB = 1024 * 1024;

/** Five members with every metric the charts draw, for measuring the page without etcd. */
export const syntheticMembers: MemberView[] = Array.from({ length: 5 }, (_, i) => ({
  id: `5a5a5a5a5a5a5a${i}${i}`,
  name: `bench-${i + 1}`,
  endpoint: `https://10.0.0.${i + 1}:2379`,
  role: i === 0 ? "leader" : "follower",
  state: i === 0 ? "leading" : "following",
  stateLabel: i === 0 ? "leader" : "following bench-1",
  notFollowingSince: null,
  reachable: true,
  latencyMs: 1.5,
  version: "3.5.17",
  dbSizeBytes: 300 * MIB,
  dbSizeInUseBytes: 200 * MIB,
  quotaBackendBytes: 2048 * MIB,
  raftIndex: 1_000_000,
  raftAppliedIndex: 1_000_000,
  raftTerm: 7,
  applyLag: 0,
  alarms: [],
  peerRoundTripsSeconds: {},
  stalePeerRoundTrips: [],
  selfChecks: [],
  scrapeError: null,
  storageVersion: null,
  dbSizeQuotaBytes: null,
  downgrade: null,
  error: null,
  peerUrls: [`https://10.0.0.${i + 1}:2380`],
  clientUrls: [`https://10.0.0.${i + 1}:2379`],
}));

export function syntheticHealth(now: number): ClusterHealth {
  return {
    id: "demo",
    name: "Demo control plane",
    clusterId: "cdf818194e3a8c32",
    etcdClusterId: "cdf818194e3a8c32",
    leaderConfirmed: true,
    blind: null,
    eventLogProblem: null,
    observedAt: new Date(now).toISOString(),
    pollIntervalMs: 1000,
    lastGoodSweepAt: new Date(now).toISOString(),
    status: "healthy",
    writable: true,
    leader: { id: syntheticMembers[0]?.id ?? "", name: "bench-1" },
    raftTerm: 7,
    quorum: quorumOf(5, 5),
    members: syntheticMembers,
    warnings: [],
  };
}

/** One point a second for `seconds`, ending at `now`: every field the charts read, gently varying. */
export function syntheticHistory(now: number, seconds: number): HistoryPoint[] {
  return Array.from({ length: seconds }, (_, k) => {
    const t = now - (seconds - 1 - k) * 1000;
    const members: Record<string, MemberSample> = {};
    syntheticMembers.forEach((m, i) => {
      const wave = Math.sin(k / 60 + i);
      members[m.id] = {
        reachable: true,
        latencyMs: 1.5 + wave,
        raftIndex: 1_000_000 + k * 40,
        raftAppliedIndex: 1_000_000 + k * 40,
        dbSizeBytes: (300 + k / 100) * MIB,
        dbSizeInUseBytes: (200 + k / 200) * MIB,
        quotaBackendBytes: 2048 * MIB,
        proposalsCommittedRate: 40 + 5 * wave,
        proposalsAppliedRate: 40 + 5 * wave,
        proposalsPending: Math.max(0, Math.round(2 * wave)),
        proposalsFailedRate: 0,
        leaderChangesSeenTotal: 3 + Math.floor(k / 1200),
        walFsyncP99Seconds: 0.004 + 0.002 * wave,
        backendCommitP99Seconds: 0.012 + 0.004 * wave,
        peerRoundTripP99Seconds: 0.002 + 0.0005 * wave,
        grpcRequestRate: 300 + 50 * wave,
        grpcFailedRate: 0.5 + 0.5 * wave,
        residentMemoryBytes: (120 + i * 5 + wave) * MIB,
      };
    });
    return { t, leaderId: syntheticMembers[0]?.id ?? null, raftTerm: 7, members };
  });
}
