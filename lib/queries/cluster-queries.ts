import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { clusterAlertsSchema } from "../alerts/alerts-view";
import { clusterListSchema } from "../api/cluster-summary";
import type { HistoryWindow } from "../api/query-schemas";
import type { ClusterEvent } from "../events/cluster-event";
import { clusterHealthSchema } from "../health/cluster-health";
import type { HistoryResponse } from "../history/build-history";
import { fetchJson } from "./fetch-json";

/** Polling is the fallback; the event stream keeps these fresh while it is connected. */
export const FALLBACK_POLL_MS = 5_000;

const eventListSchema = z.array(z.custom<ClusterEvent>((v) => typeof v === "object" && v !== null));
const historySchema = z.custom<HistoryResponse>(
  (v) => typeof v === "object" && v !== null && Array.isArray((v as { points?: unknown }).points),
);

const enc = encodeURIComponent;

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
      queryFn: ({ signal }) =>
        fetchJson(
          `/api/clusters/${enc(id)}/history?window=${window}&points=${points}`,
          historySchema,
          signal,
        ),
      refetchInterval: FALLBACK_POLL_MS,
    }),
};
