import { queryOptions } from "@tanstack/react-query";
import { defragAdviceSchema } from "../defrag/defrag-advice";
import { upgradeReadinessSchema } from "../upgrade/upgrade-readiness";
import { fetchJson } from "./fetch-json";

/** Advice changes slowly: sizes and versions move over minutes, not seconds. */
const DIAGNOSIS_POLL_MS = 15_000;

const enc = encodeURIComponent;

/** Query keys and fetchers of the diagnosis panels (defragmentation, upgrade, consistency). */
export const diagnosisQueries = {
  all: (id: string) => ["clusters", id, "diagnosis"] as const,
  defrag: (id: string) =>
    queryOptions({
      queryKey: [...diagnosisQueries.all(id), "defrag"] as const,
      queryFn: ({ signal }) =>
        fetchJson(`/api/clusters/${enc(id)}/defrag`, defragAdviceSchema, signal),
      refetchInterval: DIAGNOSIS_POLL_MS,
    }),
  upgrade: (id: string) =>
    queryOptions({
      queryKey: [...diagnosisQueries.all(id), "upgrade"] as const,
      queryFn: ({ signal }) =>
        fetchJson(`/api/clusters/${enc(id)}/upgrade`, upgradeReadinessSchema, signal),
      refetchInterval: DIAGNOSIS_POLL_MS,
    }),
};
