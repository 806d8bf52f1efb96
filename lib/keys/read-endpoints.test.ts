import { describe, expect, it } from "vitest";
import type { MemberView } from "../health/cluster-health";
import { readEndpoints } from "./read-endpoints";

function member(name: string, role: MemberView["role"], reachable = true): MemberView {
  return {
    id: name,
    name,
    endpoint: `https://${name}:2379`,
    role,
    reachable,
    latencyMs: 1,
    version: "3.4.23",
    dbSizeBytes: null,
    dbSizeInUseBytes: null,
    quotaBackendBytes: null,
    raftIndex: null,
    raftAppliedIndex: null,
    raftTerm: null,
    applyLag: null,
    alarms: [],
    peerRoundTripsSeconds: {},
    error: null,
    peerUrls: [],
    clientUrls: [`https://${name}:2379`],
  };
}

describe("readEndpoints", () => {
  it("prefers reachable followers, then the leader, and skips learners and the unreachable", () => {
    const members = [
      member("a", "leader"),
      member("b", "follower", false),
      member("c", "learner"),
      member("d", "follower"),
    ];
    expect(readEndpoints(members)).toEqual(["https://d:2379", "https://a:2379"]);
  });
});
