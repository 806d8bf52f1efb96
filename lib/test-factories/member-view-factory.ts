import type { MemberView } from "../health/cluster-health";

/** A reachable follower as the health API describes it; override what a test is about. */
export function makeMemberView(over: Partial<MemberView> = {}): MemberView {
  return {
    id: "a",
    name: "m1",
    endpoint: "https://127.0.0.1:2379",
    role: "follower",
    state: "following",
    stateLabel: "following m0",
    notFollowingSince: null,
    reachable: true,
    latencyMs: 1,
    version: "3.4.23",
    dbSizeBytes: 20480,
    dbSizeInUseBytes: 16384,
    quotaBackendBytes: null,
    raftIndex: 10,
    raftAppliedIndex: 10,
    raftTerm: 2,
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
    peerUrls: [],
    clientUrls: [],
    ...over,
  };
}
