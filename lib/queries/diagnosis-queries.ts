import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiErrorSchema } from "../api/error-response";
import { consistencyReportSchema } from "../consistency/consistency-report";
import { defragAdviceSchema } from "../defrag/defrag-advice";
import { leaderChangeForensicsSchema } from "../forensics/leader-change-forensics";
import { upgradeReadinessSchema } from "../upgrade/upgrade-readiness";
import { ApiRequestError, fetchJson } from "./fetch-json";

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
  forensics: (id: string) =>
    queryOptions({
      queryKey: [...diagnosisQueries.all(id), "forensics"] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          `/api/clusters/${enc(id)}/forensics`,
          z.array(leaderChangeForensicsSchema),
          signal,
        ),
      refetchInterval: 5_000,
    }),
  consistency: (id: string) =>
    queryOptions({
      queryKey: [...diagnosisQueries.all(id), "consistency"] as const,
      queryFn: ({ signal }) =>
        fetchJson(`/api/clusters/${enc(id)}/consistency`, consistencyReportSchema, signal),
      refetchInterval: DIAGNOSIS_POLL_MS,
    }),
};

/** POST /api/clusters/{id}/consistency: runs a check now (reads only) and answers its report. */
export async function runConsistencyCheck(id: string) {
  const res = await fetch(`/api/clusters/${enc(id)}/consistency`, {
    method: "POST",
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiRequestError(
      parsed.success ? parsed.data.error.message : `The server answered HTTP ${res.status}`,
      res.status,
      parsed.success ? parsed.data.error.code : "HTTP",
    );
  }
  return consistencyReportSchema.parse(body);
}
