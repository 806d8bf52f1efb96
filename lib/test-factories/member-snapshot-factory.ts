import type {
  ClusterSnapshot,
  MemberInfo,
  MemberMetrics,
  MemberSnapshot,
  MemberStatus,
  StatusV36,
} from "../member-snapshot";

/**
 * Typed factories for health-model tests. Defaults mirror what a healthy etcd 3.4.23 member
 * answered in Raftscope's harness (mutual TLS on loopback, a few hundred keys).
 */
export const ids = [
  "8e9e05c52164694d",
  "91bc3c398fb3c146",
  "fd422379fda50e48",
  "2b7e1c4a7d1e0f31",
  "5c0ff4e9a1b2c3d4",
  "6d1e2f3a4b5c6d7e",
  "7e2f3a4b5c6d7e8f",
];

export function makeMemberInfo(i: number, over: Partial<MemberInfo> = {}): MemberInfo {
  return {
    id: ids[i] ?? `a${i}`,
    name: `m${i + 1}`,
    peerUrls: [`https://127.0.0.1:${2380 + i * 10}`],
    clientUrls: [`https://127.0.0.1:${2379 + i * 10}`],
    isLearner: false,
    ...over,
  };
}

export function makeStatus(memberId: string, over: Partial<MemberStatus> = {}): MemberStatus {
  return {
    memberId,
    version: "3.4.23",
    dbSizeBytes: 20480,
    dbSizeInUseBytes: 16384,
    leaderId: ids[0],
    raftIndex: 1042,
    raftAppliedIndex: 1042,
    raftTerm: 2,
    isLearner: false,
    alarms: [],
    errors: [],
    ...over,
  };
}

export function makeMetrics(over: Partial<MemberMetrics> = {}): MemberMetrics {
  return {
    scrapedAt: 1_700_000_000_000,
    hasLeader: true,
    leaderChangesSeenTotal: 1,
    walFsyncP99Seconds: 0.002,
    backendCommitP99Seconds: 0.004,
    peerRoundTripP99Seconds: {},
    quotaBackendBytes: 2147483648,
    ...over,
  };
}

export interface MemberSpec {
  down?: boolean | string;
  learner?: boolean;
  status?: Partial<MemberStatus>;
  metrics?: Partial<MemberMetrics>;
  /** etcd 3.6's Status fields, as decoded from a 3.6 member's answer. */
  statusV36?: StatusV36;
}

export function makeMember(i: number, spec: MemberSpec = {}): MemberSnapshot {
  const member = makeMemberInfo(i, { isLearner: !!spec.learner });
  return {
    member,
    endpoint: member.clientUrls[0] ?? "",
    probe: spec.down
      ? {
          kind: "unreachable",
          error: typeof spec.down === "string" ? spec.down : "context deadline exceeded",
        }
      : {
          kind: "reachable",
          latencyMs: 2.1,
          status: makeStatus(member.id, { isLearner: !!spec.learner, ...spec.status }),
          answeredAt: 1_700_000_000_000,
          endpoint: member.clientUrls[0] ?? "",
        },
    ...(spec.metrics ? { metrics: makeMetrics(spec.metrics) } : {}),
    ...(spec.statusV36 ? { statusV36: spec.statusV36 } : {}),
  };
}

/** A cluster of `specs.length` members; member 0 leads unless a spec says otherwise. */
export function makeCluster(specs: MemberSpec[]): ClusterSnapshot {
  return {
    clusterId: "default",
    etcdClusterId: "cdf818194e3a8c32",
    observedAt: 1_700_000_000_000,
    members: specs.map((s, i) => makeMember(i, s)),
  };
}
