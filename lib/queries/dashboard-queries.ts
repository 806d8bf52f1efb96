import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { HistoryWindow } from "../api/query-schemas";
import { clusterQueries } from "./cluster-queries";

/** How often each chart window refetches: about once per step of its downsampled points. */
const chartRefetchMs: Record<HistoryWindow, number> = { "5m": 2_000, "15m": 3_000, "1h": 6_000 };

/**
 * The alert rules look back an hour. 10-second steps keep the shortest `for:` (1 minute) six
 * points long, at half the bytes of 5-second steps: a 5-member hour is about 1 MB of JSON.
 */
const ALERT_POINTS = 360;

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
  /** The last hour for the alert rules, independent of the window the charts show. */
  alertHistory: (id: string) =>
    queryOptions({
      ...clusterQueries.history(id, "1h", ALERT_POINTS),
      refetchInterval: 15_000,
    }),
};
