import { describe, expect, it } from "vitest";
import type { TopologyConfig } from "../config/config-schema";
import { buildTopology } from "./build-topology";
import type { TopologyMember } from "./topology-member";

const local = (i: number): TopologyMember => ({
  id: `id${i}`,
  name: `m${i}`,
  peerUrls: [`https://127.0.0.1:${2380 + i * 10}`],
  clientUrls: [`https://127.0.0.1:${2379 + i * 10}`],
});
const hosted = (i: number): TopologyMember => ({
  id: `id${i}`,
  name: `etcd-${i}.internal`,
  peerUrls: [`https://10.0.0.${i}:2380`],
  clientUrls: [`https://10.0.0.${i}:2379`],
});

const threeLocal = [local(1), local(2), local(3)];

const stacked: TopologyConfig = {
  mode: "stacked",
  nodes: [1, 2, 3].map((i) => ({
    name: `cp-${i}`,
    address: "127.0.0.1",
    roles: ["control-plane", "etcd", "kube-apiserver"],
    etcdMember: `m${i}`,
  })),
  apiServers: [1, 2, 3].map((i) => ({
    name: `kube-apiserver-cp-${i}`,
    node: `cp-${i}`,
    etcdServers: [`https://127.0.0.1:${2379 + i * 10}`],
  })),
};

describe("buildTopology: declared stacked", () => {
  const view = buildTopology(stacked, threeLocal);

  it("puts each member and its API server on its node", () => {
    expect(view.mode).toBe("stacked");
    expect(view.source).toBe("declared");
    expect(view.nodes.map((n) => [n.name, n.memberId, n.apiServers])).toEqual([
      ["cp-1", "id1", ["kube-apiserver-cp-1"]],
      ["cp-2", "id2", ["kube-apiserver-cp-2"]],
      ["cp-3", "id3", ["kube-apiserver-cp-3"]],
    ]);
    expect(view.nodes[0]?.components).toEqual(["control-plane"]);
  });

  it("does not flag an API server that talks to the member on its own node", () => {
    expect(view.apiServers.map((a) => a.risk)).toEqual([null, null, null]);
    expect(view.apiServers[1]?.memberIds).toEqual(["id2"]);
  });

  it("resolves a loopback endpoint to the member on the API server's node", () => {
    const hostedStacked: TopologyConfig = {
      mode: "stacked",
      nodes: [1, 2].map((i) => ({
        name: `cp-${i}`,
        address: `10.0.0.${i}`,
        roles: ["etcd", "kube-apiserver"],
      })),
      apiServers: [{ name: "api-2", node: "cp-2", etcdServers: ["https://127.0.0.1:2379"] }],
    };
    const v = buildTopology(hostedStacked, [hosted(1), hosted(2)]);
    // Matched by address: the member names differ from the node names.
    expect(v.nodes.map((n) => n.memberId)).toEqual(["id1", "id2"]);
    expect(v.apiServers[0]?.memberIds).toEqual(["id2"]);
    expect(v.apiServers[0]?.risk).toBeNull();
  });

  it("adds a member the declaration does not mention as an undeclared node", () => {
    const v = buildTopology(stacked, [...threeLocal, local(4)]);
    expect(v.nodes.at(-1)).toMatchObject({ name: "m4", memberId: "id4", declared: false });
  });

  it("keeps a declared node whose member is missing, naming the member", () => {
    const v = buildTopology(stacked, threeLocal.slice(0, 2));
    expect(v.nodes[2]).toMatchObject({ name: "cp-3", memberId: null, missingMember: "m3" });
    expect(v.apiServers[2]?.risk).toEqual({ kind: "no-member" });
  });
});

describe("buildTopology: declared external", () => {
  const external: TopologyConfig = {
    mode: "external",
    nodes: [
      ...[1, 2, 3].map((i) => ({
        name: `etcd-${i}`,
        address: `10.0.0.${i}`,
        roles: ["etcd" as const],
      })),
      { name: "api-host", address: "10.0.1.1", roles: ["kube-apiserver" as const] },
    ],
    apiServers: [
      {
        name: "api-a",
        node: "api-host",
        etcdServers: [1, 2, 3].map((i) => `https://10.0.0.${i}:2379`),
      },
      { name: "api-b", etcdServers: ["https://10.0.0.1:2379"] },
      { name: "api-c", etcdServers: ["https://10.9.9.9:2379"] },
    ],
  };
  const view = buildTopology(external, [hosted(1), hosted(2), hosted(3)]);

  it("draws only etcd nodes and keeps API servers in their own tier", () => {
    expect(view.mode).toBe("external");
    expect(view.nodes.map((n) => n.name)).toEqual(["etcd-1", "etcd-2", "etcd-3"]);
    expect(view.nodes.every((n) => n.apiServers.length === 0)).toBe(true);
    expect(view.apiServers[0]?.node).toBe("api-host");
  });

  it("links each API server to every member its endpoints reach", () => {
    expect(view.apiServers[0]?.memberIds).toEqual(["id1", "id2", "id3"]);
    expect(view.apiServers[0]?.risk).toBeNull();
  });

  it("flags an API server with endpoints on a single member, or on none", () => {
    expect(view.apiServers[1]?.risk).toEqual({ kind: "single-member", memberId: "id1" });
    expect(view.apiServers[2]?.risk).toEqual({ kind: "no-member" });
    expect(view.apiServers[2]?.endpoints).toEqual([
      { url: "https://10.9.9.9:2379", memberId: null },
    ]);
  });

  it("matches nodes to members by address when names differ, but never ambiguously", () => {
    const ambiguous = buildTopology(
      {
        mode: "external",
        nodes: [{ name: "etcd-x", address: "127.0.0.1", roles: ["etcd"] }],
        apiServers: [],
      },
      threeLocal,
    );
    expect(ambiguous.nodes[0]).toMatchObject({
      name: "etcd-x",
      memberId: null,
      missingMember: "etcd-x",
    });
    expect(ambiguous.nodes).toHaveLength(4);
  });
});

describe("buildTopology: nothing declared", () => {
  it("draws an etcd-only ring when nothing is known about API servers", () => {
    const v = buildTopology(undefined, threeLocal);
    expect(v.mode).toBe("etcd-only");
    expect(v.source).toBe("inferred");
    expect(v.nodes.map((n) => n.name)).toEqual(["m1", "m2", "m3"]);
    expect(v.apiServers).toEqual([]);
  });

  it("infers stacked when a declared API server runs on a member's host", () => {
    const v = buildTopology(
      {
        mode: "external",
        nodes: [],
        apiServers: [{ name: "api-2", node: "10.0.0.2", etcdServers: ["https://127.0.0.1:2379"] }],
      },
      [hosted(1), hosted(2), hosted(3)],
    );
    expect(v.mode).toBe("stacked");
    expect(v.nodes[1]?.apiServers).toEqual(["api-2"]);
    expect(v.apiServers[0]?.memberIds).toEqual(["id2"]);
  });

  it("infers external when declared API servers run on no member's host", () => {
    const v = buildTopology(
      {
        mode: "stacked",
        nodes: [],
        apiServers: [{ name: "api", etcdServers: ["https://10.0.0.1:2379"] }],
      },
      [hosted(1), hosted(2)],
    );
    expect(v.mode).toBe("external");
    expect(v.apiServers[0]?.risk).toEqual({ kind: "single-member", memberId: "id1" });
  });
});
