import { demoMeta, type Put } from "./demo-support";
import type { DemoPod } from "./demo-workloads";
import * as k8s from "./k8s-objects";
import { fakeBytes } from "./k8s-storage";

const LIFECYCLE = [
  ["Scheduled", "default-scheduler", "Successfully assigned {pod} to {node}"],
  ["Pulling", "kubelet", "Pulling image"],
  ["Pulled", "kubelet", "Successfully pulled image in 1.204s (1.204s including waiting)"],
  ["Created", "kubelet", "Created container {app}"],
  ["Started", "kubelet", "Started container {app}"],
] as const;

/**
 * The events a pod start leaves behind, for every pod, plus failing readiness probes for the
 * fraud scorer. All are leased, as kube-apiserver leases events for their one-hour TTL.
 */
export function putEvents(put: Put, now: number, pods: DemoPod[]): void {
  const startedAt = now - 50 * 60_000;
  for (const pod of pods) {
    for (const [i, [reason, component, template]] of LIFECYCLE.entries()) {
      putEvent(put, pod, startedAt + i * 2_000, {
        reason,
        message: template
          .replace("{pod}", `${pod.namespace}/${pod.name}`)
          .replace("{node}", pod.node)
          .replace("{app}", pod.app),
        component,
        type: "Normal",
        count: 1,
      });
    }
    if (pod.app === "fraud-scorer") {
      putEvent(put, pod, now - 20 * 60_000, {
        reason: "Unhealthy",
        message: "Readiness probe failed: HTTP probe failed with statuscode: 503",
        component: "kubelet",
        type: "Warning",
        count: 14,
      });
    }
  }
}

function putEvent(
  put: Put,
  pod: DemoPod,
  at: number,
  event: {
    reason: string;
    message: string;
    component: string;
    type: "Normal" | "Warning";
    count: number;
  },
): void {
  // Event names are the object's name and a hex timestamp-like suffix.
  const name = `${pod.name}.${fakeBytes(`event/${pod.name}/${event.reason}`, 8).toString("hex")}`;
  put(
    `/registry/events/${pod.namespace}/${name}`,
    k8s.event(demoMeta("Event", name, pod.namespace, at), {
      ...event,
      involved: { kind: "Pod", name: pod.name, uid: pod.uid, apiVersion: "v1" },
      host: event.component === "kubelet" ? pod.node : undefined,
    }),
    true,
  );
}
