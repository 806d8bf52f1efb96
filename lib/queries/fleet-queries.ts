import { queryOptions } from "@tanstack/react-query";
import { fleetResponseSchema } from "../fleet/fleet-cluster";
import { fetchJson } from "./fetch-json";

/** Fleet mode's overview, read from the fleet's Prometheus through GET /api/fleet. */
export const fleetQueries = {
  overview: () =>
    queryOptions({
      queryKey: ["fleet"] as const,
      queryFn: ({ signal }) => fetchJson("/api/fleet", fleetResponseSchema, signal),
      refetchInterval: 15_000,
    }),
};
