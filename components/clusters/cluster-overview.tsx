"use client";

import { useQuery } from "@tanstack/react-query";
import { DocumentMark } from "@/components/dashboard/document-status";
import { useUrlState } from "@/components/dashboard/use-url-state";
import { overviewStatus } from "@/lib/format/status-mark";
import { clusterQueries } from "@/lib/queries/cluster-queries";
import { ClusterCard } from "./cluster-card";
import { OverviewToolbar } from "./overview-toolbar";
import {
  countByStatus,
  parseOverviewView,
  sameEtcdClusterNames,
  viewClusters,
} from "./overview-view";
import { useHealthStream } from "./use-health-stream";

/**
 * Every cluster, those that need attention first, fed by one stream for all of them: a
 * browser allows six connections per host over HTTP/1.1, so one stream per card would stall.
 */
export function ClusterOverview() {
  useHealthStream("/api/stream");
  const { params, update } = useUrlState();
  const view = parseOverviewView(params);
  const { data, error, isPending } = useQuery(clusterQueries.list());
  if (isPending) return <p role="status">Loading clusters…</p>;
  // A failed refetch keeps the clusters already shown; the stream goes on updating them.
  if (!data) {
    return (
      <p role="alert" className="text-red-700 dark:text-red-300">
        Cannot load clusters: {error?.message}
      </p>
    );
  }
  const shown = viewClusters(data, view);
  const tab = overviewStatus(data);
  const sameAs = sameEtcdClusterNames(data);
  return (
    <>
      <DocumentMark title={tab.title} mark={tab.mark} />
      <OverviewToolbar
        counts={countByStatus(data)}
        total={data.length}
        view={view}
        onChange={update}
      />
      {shown.length < data.length && (
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Showing {shown.length} of {data.length} clusters
        </p>
      )}
      <ul aria-label="Clusters" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {shown.map((c) => (
          <ClusterCard key={c.id} cluster={c} sameEtcdClusterAs={sameAs.get(c.id)} />
        ))}
      </ul>
    </>
  );
}
