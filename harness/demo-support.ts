import type { ObjectMeta } from "./k8s-objects";
import { fakeBytes } from "./k8s-storage";

export interface DemoEntry {
  key: Buffer;
  value: Buffer;
  /** Kubernetes attaches events to a one-hour etcd lease; seed.ts does the same. */
  leased?: boolean;
}

export type Put = (key: string | Buffer, value: string | Buffer, leased?: boolean) => void;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const KUBE_VERSION = "v1.31.4";
/** The demo cluster was created this long before seeding. */
export const CLUSTER_AGE_MS = 41 * DAY;

export const NODES = [
  { name: "cp-1", ip: "192.168.49.2" },
  { name: "worker-1", ip: "192.168.49.3" },
  { name: "worker-2", ip: "192.168.49.4" },
] as const;

/** ObjectMeta with a uid derived from kind, namespace and name, so reruns write the same uid. */
export function demoMeta(
  kind: string,
  name: string,
  namespace: string | undefined,
  createdAt: number,
  extra: Partial<ObjectMeta> = {},
): ObjectMeta {
  return { name, namespace, uid: uid(`${kind}/${namespace ?? ""}/${name}`), createdAt, ...extra };
}

/** A UUID-shaped uid derived from `seed`, stable across runs. */
export function uid(seed: string): string {
  const hex = fakeBytes(`uid/${seed}`, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes).
const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** A generated-name suffix (`-7d9fq`) derived from `seed`. */
export function k8sSuffix(seed: string, length: number): string {
  return Array.from(fakeBytes(`suffix/${seed}`, length))
    .map((byte) => SUFFIX_ALPHABET[byte % SUFFIX_ALPHABET.length])
    .join("");
}
