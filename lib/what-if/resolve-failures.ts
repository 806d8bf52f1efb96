import type { TopologyView } from "../topology/topology-view";
import type { WhatIfMember } from "./evaluate-what-if";
import type { FailSelection } from "./fail-selection";

export interface FailureImpact {
  /** Members the selection takes down, directly or with their node. */
  failedMemberIds: Set<string>;
  /** API servers whose node is selected. */
  apiServersDown: string[];
  /** API servers left running whose every etcd endpoint would be down. */
  apiServersCutOff: string[];
  /** API servers still serving. */
  apiServersServing: string[];
  /** Selected names that match no member or node. */
  unknown: string[];
}

/**
 * Turns a selection of member and node names into the members it takes down and what it does
 * to the API servers: a failed node takes its member and its API servers with it, and an API
 * server whose endpoints all lead to down members cannot serve either.
 */
export function resolveFailures(
  selection: FailSelection,
  members: readonly WhatIfMember[],
  topology: TopologyView,
): FailureImpact {
  const failed = new Set<string>();
  const unknown: string[] = [];
  for (const name of selection.members) {
    const m = members.find((x) => x.name === name);
    if (m) failed.add(m.id);
    else unknown.push(name);
  }
  const failedNodes = new Set<string>();
  for (const name of selection.nodes) {
    const node = topology.nodes.find((n) => n.name === name);
    if (!node) {
      unknown.push(name);
      continue;
    }
    failedNodes.add(name);
    if (node.memberId) failed.add(node.memberId);
  }
  const down = new Set([...members.filter((m) => !m.reachable).map((m) => m.id), ...failed]);
  const apiServersDown: string[] = [];
  const apiServersCutOff: string[] = [];
  const apiServersServing: string[] = [];
  for (const a of topology.apiServers) {
    if (a.node !== null && failedNodes.has(a.node)) apiServersDown.push(a.name);
    else if (a.memberIds.every((id) => down.has(id))) apiServersCutOff.push(a.name);
    else apiServersServing.push(a.name);
  }
  return { failedMemberIds: failed, apiServersDown, apiServersCutOff, apiServersServing, unknown };
}
