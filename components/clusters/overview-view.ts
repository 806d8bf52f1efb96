import type { ClusterSummary } from "@/lib/api/cluster-summary";
import { type ClusterStatus, clusterStatusSchema } from "@/lib/health/cluster-health";

/** Worst first: the order an operator triages in. A cluster not yet judged comes before a degraded one. */
export const statusesByUrgency: readonly ClusterStatus[] = [
  "unavailable",
  "critical",
  "unknown",
  "degraded",
  "healthy",
];

export type OverviewSort = "attention" | "name";

/** The overview's view state, read from its URL: `?status=critical&q=prod&sort=name`. */
export interface OverviewView {
  status: ClusterStatus | null;
  text: string;
  sort: OverviewSort;
}

export function parseOverviewView(params: URLSearchParams): OverviewView {
  const status = clusterStatusSchema.safeParse(params.get("status"));
  return {
    status: status.success ? status.data : null,
    text: params.get("q") ?? "",
    sort: params.get("sort") === "name" ? "name" : "attention",
  };
}

/**
 * For each entry that watches the same etcd cluster (by etcd's cluster ID) as other listed
 * entries, the others' names, so the overview can say that two cards are one cluster (see the
 * DUPLICATE_ETCD_CLUSTER information). Entries whose ID is not known yet are never matched.
 */
export function sameEtcdClusterNames(
  clusters: readonly ClusterSummary[],
): ReadonlyMap<string, readonly string[]> {
  const byEtcdId = new Map<string, ClusterSummary[]>();
  for (const c of clusters) {
    if (!c.etcdClusterId) continue;
    const group = byEtcdId.get(c.etcdClusterId) ?? [];
    group.push(c);
    byEtcdId.set(c.etcdClusterId, group);
  }
  const out = new Map<string, readonly string[]>();
  for (const group of byEtcdId.values()) {
    if (group.length < 2) continue;
    for (const c of group) {
      out.set(
        c.id,
        group.filter((o) => o.id !== c.id).map((o) => o.name),
      );
    }
  }
  return out;
}

/** How many clusters are in each status, every status present (zero when none). */
export function countByStatus(clusters: readonly ClusterSummary[]): Record<ClusterStatus, number> {
  const counts: Record<ClusterStatus, number> = {
    unavailable: 0,
    critical: 0,
    unknown: 0,
    degraded: 0,
    healthy: 0,
  };
  for (const c of clusters) counts[c.status]++;
  return counts;
}

const byName = (a: ClusterSummary, b: ClusterSummary) =>
  a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * Clusters that need attention first: by status (unavailable, critical, degraded, healthy),
 * then by how many more member failures each can take (fewest first; not known counts as
 * none), then by name.
 */
export function byAttention(a: ClusterSummary, b: ClusterSummary): number {
  return (
    statusesByUrgency.indexOf(a.status) - statusesByUrgency.indexOf(b.status) ||
    (a.quorum.remaining ?? -1) - (b.quorum.remaining ?? -1) ||
    byName(a, b)
  );
}

/** The clusters the view shows, in its order. The text matches name or id, ignoring case. */
export function viewClusters(
  clusters: readonly ClusterSummary[],
  view: OverviewView,
): ClusterSummary[] {
  const text = view.text.trim().toLowerCase();
  return clusters
    .filter((c) => view.status === null || c.status === view.status)
    .filter((c) => text === "" || c.name.toLowerCase().includes(text) || c.id.includes(text))
    .sort(view.sort === "name" ? byName : byAttention);
}
