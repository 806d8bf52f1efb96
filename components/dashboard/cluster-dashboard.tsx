"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo } from "react";
import { AlertsPanel } from "@/components/alerts/alerts-panel";
import { HealthWarnings } from "@/components/alerts/health-warnings";
import { PrometheusAlertsPanel } from "@/components/alerts/prometheus-alerts-panel";
import { useClusterStream } from "@/components/clusters/use-cluster-stream";
import { DiagnosisPanels } from "@/components/diagnosis/diagnosis-panels";
import { eventFilterParam, parseEventFilter } from "@/components/events/event-categories";
import { EventTimeline } from "@/components/events/event-timeline";
import { MemberTable } from "@/components/members/member-table";
import { memberSortParam, parseMemberSort } from "@/components/members/sort-members";
import { QuorumPanel } from "@/components/quorum/quorum-panel";
import { CertificatesPanel } from "@/components/tls/certificates-panel";
import { TopologyPanel } from "@/components/topology/topology-panel";
import type { TopologyConfig } from "@/lib/config/config-schema";
import { formatClock } from "@/lib/format/format-clock";
import { clusterQueries, FALLBACK_POLL_MS } from "@/lib/queries/cluster-queries";
import { buildTopology } from "@/lib/topology/build-topology";
import { failSelectionParams, parseFailSelection } from "@/lib/what-if/fail-selection";
import { resolveFailures } from "@/lib/what-if/resolve-failures";
import { parseWindow } from "./dashboard-params";
import { DocumentStatus } from "./document-status";
import { HealthHeadline } from "./health-headline";
import { StaleBanner } from "./stale-banner";
import { StreamIndicator } from "./stream-indicator";
import { useUrlState } from "./use-url-state";

// recharts is a third of the page's JavaScript: load it after the page is usable. The charts
// measure their width before drawing, so the server would render only their placeholders.
const HealthCharts = dynamic(
  () => import("@/components/charts/health-charts").then((m) => m.HealthCharts),
  { ssr: false, loading: () => <p role="status">Loading the charts…</p> },
);

/**
 * The cluster page: live health pushed over the stream (polling only while it is down), with
 * every view choice (window, what-if, filters, sort) read from and written to the URL.
 */
export function ClusterDashboard({
  clusterId,
  topology,
  withPrometheus = false,
}: {
  clusterId: string;
  topology: TopologyConfig | null;
  /** The cluster has a Prometheus source: longer chart windows and Prometheus' own alerts. */
  withPrometheus?: boolean;
}) {
  const stream = useClusterStream(clusterId);
  const health = useQuery({
    ...clusterQueries.health(clusterId),
    refetchInterval: stream === "live" ? false : FALLBACK_POLL_MS,
  });
  const alerts = useQuery({
    ...clusterQueries.alerts(clusterId),
    refetchInterval: stream === "live" ? false : FALLBACK_POLL_MS,
  });
  const { params, update } = useUrlState();
  const members = health.data?.members;
  const view = useMemo(
    () => buildTopology(topology ?? undefined, members ?? []),
    [topology, members],
  );

  if (!health.data) {
    return health.isPending ? (
      <p role="status" className="p-6">
        Reading cluster health…
      </p>
    ) : (
      <div
        role="alert"
        className="rounded-lg border border-red-300 bg-red-50 p-5 dark:border-red-800 dark:bg-red-950"
      >
        <p className="font-semibold text-red-800 dark:text-red-200">
          Cannot read the health of this cluster: {health.error?.message}
        </p>
        <p className="mt-1 text-sm">Raftscope keeps trying every {FALLBACK_POLL_MS / 1000} s.</p>
        <button
          type="button"
          onClick={() => void health.refetch()}
          className="mt-3 rounded-md border border-red-400 px-3 py-1 text-sm"
        >
          Try now
        </button>
      </div>
    );
  }

  const h = health.data;
  const selection = parseFailSelection(params);
  const impact = resolveFailures(selection, h.members, view);
  const selected = selection.members.length > 0 || selection.nodes.length > 0;
  const whatIf = {
    memberIds: impact.failedMemberIds,
    nodes: new Set(selection.nodes),
    // Without a selection nothing is hypothetical: the diagram shows real outages on its own.
    apiServers: new Set(selected ? [...impact.apiServersDown, ...impact.apiServersCutOff] : []),
  };

  return (
    <div className="flex flex-col gap-5">
      <h1 className="sr-only">{h.name}: dashboard</h1>
      <DocumentStatus name={h.name} status={h.status} quorum={h.quorum} />
      <div className="flex items-center justify-between text-sm text-slate-600 dark:text-slate-300">
        <StreamIndicator state={stream} />
        <span>
          Observed <time dateTime={h.observedAt}>{formatClock(Date.parse(h.observedAt))}</time>
        </span>
      </div>
      <StaleBanner health={h} serverError={health.isRefetchError ? health.error : null} />
      <HealthHeadline health={h} />
      {/* Past four nodes the diagram needs the full width to keep its labels readable. */}
      <div
        className={`grid items-start gap-5 ${view.nodes.length > 4 ? "" : "lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]"}`}
      >
        <TopologyPanel view={view} health={h} whatIf={whatIf} />
        <div className="flex flex-col gap-5">
          <QuorumPanel
            health={h}
            view={view}
            selection={selection}
            impact={impact}
            onSelectionChange={(next) => update(failSelectionParams(next))}
          />
          <HealthWarnings warnings={h.warnings} />
        </div>
      </div>
      <AlertsPanel alerts={alerts.data} error={alerts.error} members={h.members} />
      {withPrometheus ? <PrometheusAlertsPanel clusterId={clusterId} /> : null}
      <MemberTable
        members={h.members}
        sort={parseMemberSort(params.get("sort"))}
        onSort={(next) => update({ sort: memberSortParam(next) })}
      />
      {h.tls ? <CertificatesPanel tls={h.tls} members={h.members} /> : null}
      <DiagnosisPanels clusterId={clusterId} />
      <HealthCharts
        clusterId={clusterId}
        members={h.members}
        window={parseWindow(params.get("window"), withPrometheus)}
        onWindowChange={(next) => update({ window: next })}
        withPrometheus={withPrometheus}
      />
      <EventTimeline
        clusterId={clusterId}
        filter={parseEventFilter(params.get("events"))}
        onFilterChange={(next) => update({ events: eventFilterParam(next) })}
      />
    </div>
  );
}
