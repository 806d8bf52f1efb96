import type { TopologyMember } from "./topology-member";
import { urlHost } from "./url-host";

export interface NodeToMatch {
  name: string;
  address: string;
  etcdMember?: string | undefined;
}

function hostsOf(member: TopologyMember): Set<string> {
  const hosts = new Set<string>();
  for (const url of [...member.peerUrls, ...member.clientUrls]) {
    const h = urlHost(url);
    if (h) hosts.add(h.host);
  }
  return hosts;
}

/**
 * Pairs declared nodes with live members: first by member name (the node's `etcdMember`, or
 * its own name), then by the node's address appearing in exactly one remaining member's peer or
 * client URLs. Several members on one host (as on a test machine) never match by address.
 * Returns node name → member id.
 */
export function matchNodeMembers(
  nodes: readonly NodeToMatch[],
  members: readonly TopologyMember[],
): Map<string, string> {
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of nodes) {
    const wanted = node.etcdMember ?? node.name;
    const member = members.find((m) => m.name === wanted && !taken.has(m.id));
    if (member) {
      matched.set(node.name, member.id);
      taken.add(member.id);
    }
  }
  for (const node of nodes) {
    if (matched.has(node.name)) continue;
    const address = node.address.toLowerCase();
    const candidates = members.filter((m) => !taken.has(m.id) && hostsOf(m).has(address));
    const [only] = candidates;
    if (only && candidates.length === 1) {
      matched.set(node.name, only.id);
      taken.add(only.id);
    }
  }
  return matched;
}
