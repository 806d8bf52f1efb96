"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { clusterAlertsSchema } from "@/lib/alerts/alerts-view";
import { summarize } from "@/lib/api/cluster-summary";
import { type ClusterEvent, clusterEventSchema } from "@/lib/events/cluster-event";
import { type ClusterHealth, clusterHealthSchema } from "@/lib/health/cluster-health";
import { clusterQueries } from "@/lib/queries/cluster-queries";

export type StreamState = "connecting" | "live" | "reconnecting";

function readFrame(e: Event): unknown {
  try {
    return JSON.parse((e as MessageEvent<string>).data);
  } catch {
    return undefined;
  }
}

function storeHealth(queryClient: QueryClient, health: ClusterHealth): void {
  queryClient.setQueryData(clusterQueries.health(health.id).queryKey, health);
  queryClient.setQueryData(clusterQueries.list().queryKey, (list) =>
    list?.map((c) => (c.id === health.id ? summarize(health) : c)),
  );
}

function storeEvent(queryClient: QueryClient, event: ClusterEvent): void {
  queryClient.setQueriesData<ClusterEvent[]>(
    { queryKey: [...clusterQueries.all(), event.clusterId, "events"] },
    (old) => (old && !old.some((x) => x.seq === event.seq) ? [event, ...old] : old),
  );
}

/**
 * Subscribes to a server-sent event stream (one cluster's, or the overview's carrying every
 * cluster) and writes each verdict, alert rules' state and event into the query cache, so every component reading
 * those queries updates without polling. Frames are checked against the verdict and event
 * schemas; one that does not match is dropped.
 */
export function useHealthStream(url: string): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>("connecting");

  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setState("live");
    source.onerror = () => setState("reconnecting");
    source.addEventListener("health", (e) => {
      const parsed = clusterHealthSchema.safeParse(readFrame(e));
      if (parsed.success) storeHealth(queryClient, parsed.data);
    });
    source.addEventListener("alerts", (e) => {
      const parsed = clusterAlertsSchema.safeParse(readFrame(e));
      if (parsed.success) {
        queryClient.setQueryData(
          clusterQueries.alerts(parsed.data.clusterId).queryKey,
          parsed.data,
        );
      }
    });
    source.addEventListener("event", (e) => {
      const parsed = clusterEventSchema.safeParse(readFrame(e));
      if (parsed.success) storeEvent(queryClient, parsed.data);
    });
    return () => source.close();
  }, [url, queryClient]);

  return state;
}
