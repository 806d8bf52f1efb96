import type { TopologyView } from "@/lib/topology/topology-view";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The figure's caption: which topology, and what losing a box means. */
export function topologyCaption(view: TopologyView): string {
  const members = view.nodes.filter((n) => n.memberId !== null).length;
  const inferred = view.source === "inferred" ? " (inferred: no topology declared)" : "";
  switch (view.mode) {
    case "stacked": {
      const paired = view.nodes.every((n) => n.memberId !== null && n.apiServers.length > 0);
      const what = paired
        ? "each running an etcd member beside its API server"
        : `with ${plural(members, "etcd member")} and ${plural(view.apiServers.length, "API server")}`;
      return `Stacked control plane${inferred}: ${plural(view.nodes.length, "node")}, ${what}. Losing a node loses both.`;
    }
    case "external":
      return `External etcd${inferred}: ${plural(members, "etcd member")} in their own tier, ${plural(view.apiServers.length, "API server")} connected over the network.`;
    case "etcd-only":
      return `etcd members only${inferred}: ${plural(members, "member")}; no API servers are declared.`;
  }
}
