import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { keyQueryParam } from "../keys/key-param";
import { keyspaceSummarySchema } from "../keyspace/keyspace-api";
import { fetchJson } from "./fetch-json";

/** The Space view refreshes often while the index builds, then at the pace of its rates. */
const BUILDING_POLL_MS = 2_000;
const READY_POLL_MS = 10_000;

/** Query options of the Space view; components never spell a key. */
export const keyspaceQueries = {
  all: (id: string) => ["clusters", id, "keyspace"] as const,
  summary: (id: string, prefix: Uint8Array, prefixKey: string) =>
    queryOptions({
      queryKey: [...keyspaceQueries.all(id), prefixKey] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          `/api/clusters/${encodeURIComponent(id)}/keyspace?${keyQueryParam("prefix", prefix)}&limit=50`,
          keyspaceSummarySchema,
          signal,
        ),
      refetchInterval: (q) => (q.state.data?.state === "ready" ? READY_POLL_MS : BUILDING_POLL_MS),
      // Keep the last directory on screen while the next one loads.
      placeholderData: keepPreviousData,
    }),
};
