import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { HistoryWindow } from "../api/query-schemas";
import { clusterQueries } from "./cluster-queries";

/** How often each chart window refetches: about once per step of its downsampled points. */
const chartRefetchMs: Record<HistoryWindow, number> = { "5m": 2_000, "15m": 3_000, "1h": 6_000 };

/** Query options of the cluster dashboard, built on the shared cluster query keys. */
export const dashboardQueries = {
  /** The charts' history: `points` is the plot's width in pixels. */
  chartHistory: (id: string, window: HistoryWindow, points: number) =>
    queryOptions({
      ...clusterQueries.history(id, window, points),
      refetchInterval: chartRefetchMs[window],
      // Keep drawing the old window while the new one loads, instead of flashing empty charts.
      placeholderData: keepPreviousData,
    }),
};
