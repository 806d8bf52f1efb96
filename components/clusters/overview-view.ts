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
