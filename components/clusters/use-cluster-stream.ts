"use client";

import { type StreamState, useHealthStream } from "./use-health-stream";

export type { StreamState } from "./use-health-stream";

/** One cluster's stream, with its alert rules' state, for the cluster's own page. */
export function useClusterStream(clusterId: string): StreamState {
  return useHealthStream(`/api/clusters/${encodeURIComponent(clusterId)}/stream`);
}
