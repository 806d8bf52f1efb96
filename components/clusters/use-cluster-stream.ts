"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { clusterAlertsSchema } from "@/lib/alerts/alerts-view";
import { summarize } from "@/lib/api/cluster-summary";
import type { ClusterEvent } from "@/lib/events/cluster-event";
import { clusterHealthSchema } from "@/lib/health/cluster-health";
import { clusterQueries } from "@/lib/queries/cluster-queries";

export type StreamState = "connecting" | "live" | "reconnecting";

/**
 * Subscribes to a cluster's server-sent events and writes each verdict, alert rules' state and
 * event into the query cache, so every component reading those queries updates without polling.
 */
export function useClusterStream(clusterId: string): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>("connecting");

  useEffect(() => {
    const source = new EventSource(`/api/clusters/${encodeURIComponent(clusterId)}/stream`);
    source.onopen = () => setState("live");
    source.onerror = () => setState("reconnecting");
    source.addEventListener("health", (e) => {
      const parsed = clusterHealthSchema.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (!parsed.success) return;
      const health = parsed.data;
      queryClient.setQueryData(clusterQueries.health(clusterId).queryKey, health);
      queryClient.setQueryData(clusterQueries.list().queryKey, (list) =>
        list?.map((c) => (c.id === clusterId ? summarize(health) : c)),
      );
    });
    source.addEventListener("alerts", (e) => {
      const parsed = clusterAlertsSchema.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (parsed.success) {
        queryClient.setQueryData(clusterQueries.alerts(clusterId).queryKey, parsed.data);
      }
    });
    source.addEventListener("event", (e) => {
      const event = JSON.parse((e as MessageEvent<string>).data) as ClusterEvent;
      queryClient.setQueriesData<ClusterEvent[]>(
        { queryKey: [...clusterQueries.all(), clusterId, "events"] },
        (old) => (old && !old.some((x) => x.seq === event.seq) ? [event, ...old] : old),
      );
    });
    return () => source.close();
  }, [clusterId, queryClient]);

  return state;
}
