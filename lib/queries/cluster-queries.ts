import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { clusterAlertsSchema } from "../alerts/alerts-view";
import { clusterListSchema } from "../api/cluster-summary";
import type { HistoryWindow } from "../api/query-schemas";
import { clusterEventSchema } from "../events/cluster-event";
import { clusterHealthSchema } from "../health/cluster-health";
import { type HistoryResponse, historyResponseSchema } from "../history/build-history";
import { fromColumns } from "../history/history-columns";
import type { HistoryPoint } from "../history/history-point";
import { fetchJson } from "./fetch-json";

/** Polling is the fallback; the event stream keeps these fresh while it is connected. */
export const FALLBACK_POLL_MS = 5_000;

const eventListSchema = z.array(clusterEventSchema);

const enc = encodeURIComponent;

/** A history answer with its columns turned back into points, as the charts read them. */
export type ChartHistory = Omit<HistoryResponse, "columns"> & { points: HistoryPoint[] };

/** Every query key and fetcher of the cluster views; components never spell a key. */
export const clusterQueries = {
  all: () => ["clusters"] as const,
  list: () =>
    queryOptions({
      queryKey: [...clusterQueries.all(), "list"] as const,
      queryFn: ({ signal }) => fetchJson("/api/clusters", clusterListSchema, signal),
      refetchInterval: FALLBACK_POLL_MS,
    }),
  health: (id: string) =>
    queryOptions({
      queryKey: [...clusterQueries.all(), id, "health"] as const,
      queryFn: ({ signal }) =>
        fetchJson(`/api/clusters/${enc(id)}/health`, clusterHealthSchema, signal),
      refetchInterval: FALLBACK_POLL_MS,
    }),
  events: (id: string, limit = 200) =>
    queryOptions({
      queryKey: [...clusterQueries.all(), id, "events", limit] as const,
      queryFn: ({ signal }) =>
        fetchJson(`/api/clusters/${enc(id)}/events?limit=${limit}`, eventListSchema, signal),
      refetchInterval: FALLBACK_POLL_MS * 2,
    }),
  /** The etcd mixin's rules as the server last judged them; the stream pushes each evaluation. */
  alerts: (id: string) =>
    queryOptions({
      queryKey: [...clusterQueries.all(), id, "alerts"] as const,
      queryFn: ({ signal }) =>
        fetchJson(`/api/clusters/${enc(id)}/alerts`, clusterAlertsSchema, signal),
      refetchInterval: FALLBACK_POLL_MS,
    }),
  history: (id: string, window: HistoryWindow, points = 600) =>
    queryOptions({
      queryKey: [...clusterQueries.all(), id, "history", window, points] as const,
      // Columns on the wire (a fifth of the bytes), points for the charts.
      queryFn: async ({ signal }): Promise<ChartHistory> => {
        const { columns, ...rest } = await fetchJson(
          `/api/clusters/${enc(id)}/history?window=${window}&points=${points}`,
          historyResponseSchema,
          signal,
        );
        return { ...rest, points: fromColumns(columns) };
      },
      refetchInterval: FALLBACK_POLL_MS,
    }),
};
