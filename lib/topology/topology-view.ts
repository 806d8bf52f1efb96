/** Where Raftscope draws each etcd member and API server: the diagram's model, before layout. */

/**
 * stacked: each control-plane node runs an etcd member beside its API server.
 * external: etcd members form their own tier; API servers connect to them over the network.
 * etcd-only: nothing is known about API servers, so only the members are drawn.
 */
export type TopologyMode = "stacked" | "external" | "etcd-only";

export interface TopologyNodeView {
  name: string;
  address: string | null;
  /** The live etcd member on this node, when one matched. */
  memberId: string | null;
  /** The member the config declares for this node when no live member matched it. */
  missingMember: string | null;
  /** Names of the API servers running on this node. */
  apiServers: string[];
  /** Other declared roles of the node, such as "control-plane". */
  components: string[];
  /** False for a node made up for a member the declared topology does not mention. */
  declared: boolean;
}

export interface ApiServerEndpointView {
  url: string;
  /** The member this --etcd-servers entry reaches; null when it matches none. */
  memberId: string | null;
}

/**
 * Why an API server would lose etcd when one member fails: it lists endpoints of fewer than
 * two members. A stacked API server talking only to the member on its own node is the kubeadm
 * default and is not flagged: losing that member is losing the node's control plane anyway.
 */
export type ApiServerRisk =
  | { kind: "single-member"; memberId: string }
  | { kind: "no-member" }
  | null;

export interface ApiServerView {
  name: string;
  /** The node it runs on, when that node is in the diagram. */
  node: string | null;
  endpoints: ApiServerEndpointView[];
  /** Distinct members its endpoints reach. */
  memberIds: string[];
  risk: ApiServerRisk;
}

export interface TopologyView {
  mode: TopologyMode;
  source: "declared" | "inferred";
  /** Every member appears on exactly one node. */
  nodes: TopologyNodeView[];
  apiServers: ApiServerView[];
}
