"use client";

import Link from "next/link";
import type { ClusterSummary } from "@/lib/api/cluster-summary";
import { toleranceText } from "@/lib/health/tolerance-text";
import { StatusBadge } from "./status-badge";
import { useClusterStream } from "./use-cluster-stream";

export function ClusterCard({ cluster }: { cluster: ClusterSummary }) {
  useClusterStream(cluster.id);
  return (
    <li>
      <article
        aria-label={`Cluster ${cluster.name}`}
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <header className="flex items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">
            <Link href={`/clusters/${encodeURIComponent(cluster.id)}`} className="hover:underline">
              {cluster.name}
            </Link>
          </h2>
          <StatusBadge status={cluster.status} />
        </header>
        <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Leader</dt>
            <dd className="font-medium">{cluster.leader?.name ?? "none"}</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Raft term</dt>
            <dd className="font-medium tabular-nums">{cluster.raftTerm ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Voters</dt>
            <dd className="font-medium tabular-nums">
              {cluster.quorum.healthyVoters}/{cluster.quorum.voters} up, quorum{" "}
              {cluster.quorum.size}
            </dd>
          </div>
        </dl>
        <p className="mt-4 text-sm font-medium">
          {toleranceText(cluster.quorum, cluster.writable)}
        </p>
      </article>
    </li>
  );
}
