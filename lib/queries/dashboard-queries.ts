import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { HistoryWindow } from "../api/query-schemas";
import { prometheusAlertsResponseSchema } from "../prometheus/prometheus-alert-view";
import { clusterQueries } from "./cluster-queries";
import { fetchJson } from "./fetch-json";

/** How often each chart window refetches: about once per step of its downsampled points. */
const chartRefetchMs: Record<HistoryWindow, number> = {
  "5m": 2_000,
  "15m": 3_000,
  "1h": 6_000,
  "6h": 60_000,
  "24h": 120_000,
  "7d": 300_000,
};

/** Query options of the cluster dashboard, built on the shared cluster query keys. */
export const dashboardQueries = {
  /** Prometheus' own alerts for the cluster, beside the rules Raftscope evaluates. */
  prometheusAlerts: (id: string) =>
    queryOptions({
      queryKey: [...clusterQueries.all(), id, "prometheus-alerts"] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          `/api/clusters/${encodeURIComponent(id)}/prometheus-alerts`,
          prometheusAlertsResponseSchema,
          signal,
        ),
      refetchInterval: 15_000,
    }),
  /** The charts' history: `points` is the plot's width in pixels. */
  chartHistory: (id: string, window: HistoryWindow, points: number) =>
    queryOptions({
      ...clusterQueries.history(id, window, points),
      refetchInterval: chartRefetchMs[window],
      // Keep drawing the old window while the new one loads, instead of flashing empty charts.
      placeholderData: keepPreviousData,
    }),
};
