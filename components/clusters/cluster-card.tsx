"use client";

import Link from "next/link";
import type { ClusterSummary } from "@/lib/api/cluster-summary";
import { toleranceText } from "@/lib/health/tolerance-text";
import { LeaderChangeSparkline } from "./leader-change-sparkline";
import { StatusBadge } from "./status-badge";

const toleranceTone = (c: ClusterSummary) =>
  c.writable === null
    ? "text-slate-700 dark:text-slate-300"
    : !c.writable || (c.quorum.margin ?? 0) < 0
      ? "text-red-700 dark:text-red-300"
      : c.quorum.remaining === 0
        ? "text-orange-700 dark:text-orange-300"
        : "text-emerald-800 dark:text-emerald-300";

export function ClusterCard({
  cluster,
  sameEtcdClusterAs,
}: {
  cluster: ClusterSummary;
  /** Other listed entries that watch this same etcd cluster: one fault shows on each card. */
  sameEtcdClusterAs?: readonly string[] | undefined;
}) {
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
        <p className={`mt-3 text-sm font-semibold ${toleranceTone(cluster)}`}>
          {toleranceText(cluster.quorum, cluster.writable)}
        </p>
        {sameEtcdClusterAs && sameEtcdClusterAs.length > 0 && (
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Same etcd cluster as {sameEtcdClusterAs.join(", ")}
          </p>
        )}
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
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
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Leader changes, 1 h</dt>
            <dd>
              <LeaderChangeSparkline clusterId={cluster.id} now={Date.parse(cluster.observedAt)} />
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}
