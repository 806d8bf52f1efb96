import { putAppConfig } from "./demo-app-config";
import { putClusterObjects } from "./demo-cluster-objects";
import { putEvents } from "./demo-events";
import { putJsonObjects } from "./demo-json-objects";
import { putSecrets } from "./demo-secrets";
import type { DemoEntry } from "./demo-support";
import { putWorkloads } from "./demo-workloads";

export { BINARY_KEY, seededKeys } from "./demo-keys";
export type { DemoEntry } from "./demo-support";

/**
 * The demo keyspace: a Kubernetes-like /registry tree in kube-apiserver's protobuf storage
 * encoding, secrets in plain and encrypted-at-rest form, JSON-stored CRDs and custom resources,
 * and an application config tree with awkward names and values. About 250 keys, the same on every
 * run apart from timestamps, which are relative to `now`.
 */
export function buildDemoData(now: number): DemoEntry[] {
  const entries: DemoEntry[] = [];
  const put = (key: string | Buffer, value: string | Buffer, leased?: boolean) => {
    entries.push({
      key: typeof key === "string" ? Buffer.from(key) : key,
      value: typeof value === "string" ? Buffer.from(value) : value,
      leased,
    });
  };
  putClusterObjects(put, now);
  const pods = putWorkloads(put, now);
  putEvents(put, now, pods);
  putSecrets(put, now);
  putJsonObjects(put, now);
  putAppConfig(put);
  return entries;
}
