import "server-only";
import { getPoller, getRuntime } from "../runtime";
import { FORENSICS_KEPT, ForensicsRecorder } from "./forensics-recorder";
import { ForensicsStore } from "./forensics-store";

// One recorder per cluster per process, on globalThis like the runtime.
const globalForForensics = globalThis as unknown as {
  raftscopeForensics?: Map<string, ForensicsRecorder>;
};

/** The forensics recorder of a configured cluster; NotFoundError for an unknown id. */
export function getForensicsRecorder(clusterId: string): ForensicsRecorder {
  const poller = getPoller(clusterId);
  const recorders = globalForForensics.raftscopeForensics ?? new Map<string, ForensicsRecorder>();
  globalForForensics.raftscopeForensics = recorders;
  let recorder = recorders.get(clusterId);
  if (!recorder) {
    const store = new ForensicsStore(poller.events.dir, clusterId, FORENSICS_KEPT);
    recorder = new ForensicsRecorder(poller, store);
    recorders.set(clusterId, recorder);
  }
  return recorder;
}

/** Starts recording for every cluster at boot, so the first leader change has its window. */
export function startForensics(): void {
  for (const id of getRuntime().pollers.keys()) getForensicsRecorder(id);
}
