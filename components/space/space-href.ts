import { keyQueryParam } from "@/lib/keys/key-param";

/** The Space view's URL for directory `prefix`. */
export function spaceHref(clusterId: string, prefix: Uint8Array): string {
  return `/clusters/${encodeURIComponent(clusterId)}/space?${keyQueryParam("prefix", prefix)}`;
}
