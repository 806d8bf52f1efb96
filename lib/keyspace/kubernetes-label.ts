/** What a directory is in Kubernetes' layout under its default --etcd-prefix /registry/. */
export type KubernetesRole = "resource" | "api group" | "namespace or name" | "directory";

const REGISTRY = "/registry/";

/**
 * The role of the children of `prefix` in Kubernetes' storage layout: under /registry/ they are
 * resources (pods/, events/, leases/…) or API groups (a name with a dot: apiextensions.k8s.io/
 * and the groups of custom resources); one level further, a resource's children are namespaces
 * (or, for cluster-scoped ones, objects), and a group's are its resources.
 */
export function childRole(prefix: string, childName: string): KubernetesRole {
  if (prefix === REGISTRY) return childName.includes(".") ? "api group" : "resource";
  if (!prefix.startsWith(REGISTRY)) return "directory";
  const parts = prefix.slice(REGISTRY.length).split("/").filter(Boolean);
  if (parts.length === 1) return parts[0]?.includes(".") ? "resource" : "namespace or name";
  if (parts.length === 2 && parts[0]?.includes(".")) return "namespace or name";
  return "directory";
}
