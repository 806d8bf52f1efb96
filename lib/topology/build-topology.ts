import type { TopologyConfig } from "../config/config-schema";
import { matchEndpoint } from "./match-endpoint";
import { matchNodeMembers } from "./match-node-members";
import type { TopologyMember } from "./topology-member";
import type {
  ApiServerRisk,
  ApiServerView,
  TopologyMode,
  TopologyNodeView,
  TopologyView,
} from "./topology-view";
import { urlHost } from "./url-host";

function firstHost(member: TopologyMember): string | null {
  for (const url of [...member.peerUrls, ...member.clientUrls]) {
    const h = urlHost(url);
    if (h) return h.host;
  }
  return null;
}

function memberNode(member: TopologyMember): TopologyNodeView {
  return {
    name: member.name || member.id,
    address: firstHost(member),
    memberId: member.id,
    missingMember: null,
    apiServers: [],
    components: [],
    declared: false,
  };
}

function declaredNodes(
  config: TopologyConfig,
  members: readonly TopologyMember[],
): TopologyNodeView[] {
  // In an external topology, nodes without etcd only host API servers: they are not drawn.
  const drawn = config.nodes.filter((n) => config.mode === "stacked" || n.roles.includes("etcd"));
  const matched = matchNodeMembers(drawn, members);
  return drawn.map((n) => {
    const memberId = matched.get(n.name) ?? null;
    return {
      name: n.name,
      address: n.address,
      memberId,
      missingMember:
        memberId === null && n.roles.includes("etcd") ? (n.etcdMember ?? n.name) : null,
      apiServers: [],
      components: n.roles.filter((r) => r !== "etcd"),
      declared: true,
    };
  });
}

/** The node an API server runs on: by name, or (when nodes were inferred) by member host. */
function hostNode(
  declaredNode: string | undefined,
  nodes: readonly TopologyNodeView[],
  inferred: boolean,
): TopologyNodeView | undefined {
  if (!declaredNode) return undefined;
  const byName = nodes.find((n) => n.name === declaredNode);
  if (byName || !inferred) return byName;
  const byHost = nodes.filter((n) => n.address === declaredNode.toLowerCase());
  return byHost.length === 1 ? byHost[0] : undefined;
}

function riskOf(
  memberIds: string[],
  localMemberId: string | null,
  mode: TopologyMode,
  memberCount: number,
): ApiServerRisk {
  if (memberIds.length === 0) return { kind: "no-member" };
  const [only] = memberIds;
  if (memberIds.length > 1 || only === undefined || memberCount < 2) return null;
  if (mode === "stacked" && only === localMemberId) return null;
  return { kind: "single-member", memberId: only };
}

/**
 * Builds the diagram's model from the declared topology and the live members. Without a
 * declaration it infers what it can: an API server whose node is a member's name or host is
 * stacked on that member; otherwise the members are drawn alone.
 */
export function buildTopology(
  config: TopologyConfig | undefined,
  members: readonly TopologyMember[],
): TopologyView {
  const inferred = !config || config.nodes.length === 0;
  const nodes = inferred ? [] : declaredNodes(config, members);
  const placed = new Set(nodes.flatMap((n) => (n.memberId ? [n.memberId] : [])));
  for (const m of members) {
    if (!placed.has(m.id)) nodes.push(memberNode(m));
  }

  const apiConfigs = config?.apiServers ?? [];
  const hosts = apiConfigs.map((a) => hostNode(a.node, nodes, inferred));
  let mode: TopologyMode;
  if (!inferred && config) mode = config.mode;
  else if (hosts.some((h) => h !== undefined)) mode = "stacked";
  else mode = apiConfigs.length > 0 ? "external" : "etcd-only";

  const apiServers: ApiServerView[] = apiConfigs.map((a, i) => {
    const node = hosts[i];
    const localMemberId = node?.memberId ?? null;
    node?.apiServers.push(a.name);
    const endpoints = a.etcdServers.map((url) => ({
      url,
      memberId: matchEndpoint(url, members, localMemberId) ?? null,
    }));
    const memberIds = [...new Set(endpoints.flatMap((e) => (e.memberId ? [e.memberId] : [])))];
    return {
      name: a.name,
      node: node?.name ?? a.node ?? null,
      endpoints,
      memberIds,
      risk: riskOf(memberIds, localMemberId, mode, members.length),
    };
  });
  for (const n of nodes) {
    // A role with its own box needs no chip as well.
    if (n.apiServers.length > 0) n.components = n.components.filter((c) => c !== "kube-apiserver");
  }
  return { mode, source: inferred ? "inferred" : "declared", nodes, apiServers };
}
