"use client";

import { useQuery } from "@tanstack/react-query";
import { StatusBadge } from "@/components/clusters/status-badge";
import type { FleetCluster } from "@/lib/fleet/fleet-cluster";
import { clusterStatusSchema } from "@/lib/health/cluster-health";
import { fleetQueries } from "@/lib/queries/fleet-queries";

function StatusCell({ cluster }: { cluster: FleetCluster }) {
  const status = clusterStatusSchema.safeParse(cluster.status);
  if (!cluster.scraped) return <span className="text-sm">Raftscope not scraped</span>;
  if (!cluster.known || !status.success) return <span className="text-sm">Unknown</span>;
  return <StatusBadge status={status.data} />;
}

function remainingText(c: FleetCluster): string {
  if (c.remaining === null) return "—";
  if (c.writable === false) return "Writes stopped";
  return c.remaining === 0 ? "No failure tolerated" : `Can lose ${c.remaining} more`;
}

/**
 * Fleet mode: every cluster whose raftscope_cluster_* series the fleet's Prometheus holds, the
 * most urgent first, each linking to the Raftscope that watches it.
 */
export function FleetOverview() {
  const { data, error, isPending } = useQuery(fleetQueries.overview());
  const counts = new Map<string, number>();
  for (const c of data?.clusters ?? []) {
    const key = c.scraped && c.known && c.status ? c.status : "unknown";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return (
    <section aria-labelledby="fleet-heading" className="mb-8 flex flex-col gap-3">
      <h2 id="fleet-heading" className="text-lg font-semibold">
        Fleet
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-300">
          {data
            ? [...counts.entries()].map(([s, n]) => `${n} ${s}`).join(", ") || "no cluster found"
            : ""}
        </span>
      </h2>
      {isPending && <p role="status">Asking the fleet's Prometheus…</p>}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Cannot read the fleet: {error.message}
        </p>
      )}
      {data && data.clusters.length > 0 && (
        <table className="w-full text-sm" aria-label="Clusters in the fleet">
          <thead>
            <tr className="border-b border-slate-200 text-left dark:border-slate-700">
              <th scope="col" className="py-1.5 pr-3">
                Cluster
              </th>
              <th scope="col" className="py-1.5 pr-3">
                Status
              </th>
              <th scope="col" className="py-1.5 pr-3">
                Failure tolerance
              </th>
              <th scope="col" className="py-1.5 pr-3">
                Voters up
              </th>
              <th scope="col" className="py-1.5">
                Watched by
              </th>
            </tr>
          </thead>
          <tbody>
            {data.clusters.map((c) => (
              <tr
                key={`${c.instance}/${c.id}`}
                className="border-b border-slate-100 last:border-0 dark:border-slate-800"
              >
                <th scope="row" className="py-1.5 pr-3 text-left font-medium">
                  {c.href ? (
                    <a className="text-blue-700 underline dark:text-blue-300" href={c.href}>
                      {c.name}
                    </a>
                  ) : (
                    c.name
                  )}
                  {c.name !== c.id && (
                    <span className="ml-1.5 text-xs font-normal text-slate-500">{c.id}</span>
                  )}
                </th>
                <td className="py-1.5 pr-3">
                  <StatusCell cluster={c} />
                </td>
                <td className="py-1.5 pr-3">{remainingText(c)}</td>
                <td className="py-1.5 pr-3 tabular-nums">
                  {c.healthyVoters !== null && c.voters !== null
                    ? `${c.healthyVoters} of ${c.voters}`
                    : "—"}
                </td>
                <td className="py-1.5 text-slate-600 dark:text-slate-300">{c.instance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        From {data?.source ?? "the fleet's Prometheus"}: each Raftscope exports its clusters'
        verdicts, and Prometheus holds them all.
      </p>
    </section>
  );
}
