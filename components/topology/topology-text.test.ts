import { describe, expect, it } from "vitest";
import { buildTopology } from "@/lib/topology/build-topology";
import { apiServerRiskText } from "./api-server-risk-text";
import { topologyCaption } from "./topology-caption";

const members = [1, 2, 3].map((i) => ({
  id: `id${i}`,
  name: `m${i}`,
  peerUrls: [`https://10.0.0.${i}:2380`],
  clientUrls: [`https://10.0.0.${i}:2379`],
}));

describe("topology texts", () => {
  it("captions a stacked topology where every node pairs a member with an API server", () => {
    const view = buildTopology(
      {
        mode: "stacked",
        nodes: [1, 2, 3].map((i) => ({
          name: `cp-${i}`,
          address: `10.0.0.${i}`,
          roles: ["etcd", "kube-apiserver"],
        })),
        apiServers: [1, 2, 3].map((i) => ({
          name: `api-${i}`,
          node: `cp-${i}`,
          etcdServers: ["https://127.0.0.1:2379"],
        })),
      },
      members,
    );
    expect(topologyCaption(view)).toBe(
      "Stacked control plane: 3 nodes, each running an etcd member beside its API server. Losing a node loses both.",
    );
  });

  it("captions external and inferred topologies", () => {
    const external = buildTopology(
      {
        mode: "external",
        nodes: [],
        apiServers: [{ name: "api", etcdServers: ["https://10.0.0.1:2379"] }],
      },
      members,
    );
    expect(topologyCaption(external)).toBe(
      "External etcd (inferred: no topology declared): 3 etcd members in their own tier, 1 API server connected over the network.",
    );
    expect(topologyCaption(buildTopology(undefined, members))).toMatch(
      /^etcd members only \(inferred/,
    );
  });

  it("says which member an at-risk API server depends on", () => {
    const view = buildTopology(
      {
        mode: "external",
        nodes: [],
        apiServers: [{ name: "api", etcdServers: ["https://10.0.0.2:2379"] }],
      },
      members,
    );
    const api = view.apiServers[0];
    if (!api) throw new Error("no API server");
    expect(apiServerRiskText(api, members)).toBe(
      "its --etcd-servers reach only m2: it loses etcd if m2 fails",
    );
  });
});
