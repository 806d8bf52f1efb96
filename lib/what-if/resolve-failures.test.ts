import { describe, expect, it } from "vitest";
import type { TopologyView } from "../topology/topology-view";
import type { WhatIfMember } from "./evaluate-what-if";
import { resolveFailures } from "./resolve-failures";

const members: WhatIfMember[] = [
  { id: "a", name: "m1", role: "leader", reachable: true },
  { id: "b", name: "m2", role: "follower", reachable: true },
  { id: "c", name: "m3", role: "follower", reachable: false },
];

const node = (name: string, memberId: string, apiServers: string[]) => ({
  name,
  address: "10.0.0.1",
  memberId,
  missingMember: null,
  apiServers,
  components: [],
  declared: true,
});

const stacked: TopologyView = {
  mode: "stacked",
  source: "declared",
  nodes: [node("cp-1", "a", ["api-1"]), node("cp-2", "b", ["api-2"]), node("cp-3", "c", ["api-3"])],
  apiServers: [
    { name: "api-1", node: "cp-1", endpoints: [], memberIds: ["a"], risk: null },
    { name: "api-2", node: "cp-2", endpoints: [], memberIds: ["b"], risk: null },
    { name: "api-3", node: "cp-3", endpoints: [], memberIds: ["c"], risk: null },
  ],
};

describe("resolveFailures", () => {
  it("takes a node's member and API server down together", () => {
    const r = resolveFailures({ members: [], nodes: ["cp-1"] }, members, stacked);
    expect([...r.failedMemberIds]).toEqual(["a"]);
    expect(r.apiServersDown).toEqual(["api-1"]);
    // api-3 talks only to m3, which is already unreachable.
    expect(r.apiServersCutOff).toEqual(["api-3"]);
    expect(r.apiServersServing).toEqual(["api-2"]);
  });

  it("cuts an API server off when only its etcd member fails", () => {
    const r = resolveFailures({ members: ["m2"], nodes: [] }, members, stacked);
    expect([...r.failedMemberIds]).toEqual(["b"]);
    expect(r.apiServersDown).toEqual([]);
    expect(r.apiServersCutOff).toEqual(["api-2", "api-3"]);
  });

  it("keeps an API server with endpoints on several members serving", () => {
    const external: TopologyView = {
      ...stacked,
      mode: "external",
      apiServers: [
        { name: "api-x", node: null, endpoints: [], memberIds: ["a", "b", "c"], risk: null },
      ],
    };
    const r = resolveFailures({ members: ["m1"], nodes: [] }, members, external);
    expect(r.apiServersServing).toEqual(["api-x"]);
  });

  it("reports names that match nothing", () => {
    const r = resolveFailures({ members: ["m9"], nodes: ["cp-9"] }, members, stacked);
    expect(r.unknown).toEqual(["m9", "cp-9"]);
    expect(r.failedMemberIds.size).toBe(0);
  });
});
