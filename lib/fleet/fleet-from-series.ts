import type { FleetCluster } from "./fleet-cluster";

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** Most urgent first: what an operator should look at before the rest. */
const urgency: Record<string, number> = {
  unavailable: 0,
  critical: 1,
  degraded: 2,
  healthy: 4,
};

function rank(c: FleetCluster): number {
  if (!c.scraped || !c.known || c.status === null) return 3;
  return urgency[c.status] ?? 3;
}

/**
 * Builds the fleet overview from instant queries: the raftscope_cluster_* series now, `up` of the
 * Raftscopes, and `seen` (raftscope_cluster_info over the last hour, so a cluster whose Raftscope
 * stopped answering stays listed, as not scraped, instead of vanishing with its stale series).
 * Labels are those of metric-definitions.ts. A cluster is one `cluster` label per Raftscope
 * `instance`. Its link is the series' `url` label (a target label in the scrape config) or
 * `links[instance]`, plus `/clusters/<id>`. Sorted by urgency, then name.
 */
export function fleetFromSeries(
  series: readonly Sample[],
  up: readonly Sample[],
  seen: readonly Sample[] = [],
  links: Readonly<Record<string, string>> = {},
): FleetCluster[] {
  const clusters = new Map<string, FleetCluster>();
  const scraped = new Map(up.map((s) => [s.labels.instance ?? "", s.value === 1]));
  const entry = (labels: Record<string, string>): FleetCluster | undefined => {
    const id = labels.cluster;
    const instance = labels.instance ?? "";
    if (!id) return undefined;
    const key = `${instance}\u0000${id}`;
    let c = clusters.get(key);
    if (!c) {
      const base = (labels.url ?? links[instance])?.replace(/\/+$/, "");
      c = {
        id,
        name: id,
        instance,
        href: base ? `${base}/clusters/${encodeURIComponent(id)}` : null,
        scraped: scraped.get(instance) ?? false,
        known: false,
        status: null,
        writable: null,
        remaining: null,
        voters: null,
        healthyVoters: null,
      };
      clusters.set(key, c);
    }
    return c;
  };
  for (const s of seen) {
    const c = entry(s.labels);
    if (c) c.name = s.labels.name || c.id;
  }
  for (const s of series) {
    const c = entry(s.labels);
    if (!c) continue;
    switch (s.labels.__name__) {
      case "raftscope_cluster_info":
        c.name = s.labels.name || c.id;
        break;
      case "raftscope_cluster_known":
        c.known = s.value === 1;
        break;
      case "raftscope_cluster_status":
        if (s.value === 1) c.status = s.labels.state ?? null;
        break;
      case "raftscope_cluster_writable":
        c.writable = s.value === 1;
        break;
      case "raftscope_cluster_remaining_failures":
        c.remaining = s.value;
        break;
      case "raftscope_cluster_voters":
        c.voters = s.value;
        break;
      case "raftscope_cluster_healthy_voters":
        c.healthyVoters = s.value;
        break;
    }
  }
  for (const c of clusters.values()) {
    if (!c.known) Object.assign(c, { status: null, writable: null, remaining: null });
  }
  return [...clusters.values()].sort(
    (a, b) =>
      rank(a) - rank(b) || a.name.localeCompare(b.name) || a.instance.localeCompare(b.instance),
  );
}
