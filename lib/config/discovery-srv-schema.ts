import { z } from "zod";

// RFC 1035 labels; an absolute name's trailing dot is allowed, as etcdctl allows it.
const DOMAIN =
  /^(?=.{1,253}\.?$)(?:[a-z0-9_](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.?$/i;

/**
 * DNS SRV discovery, as etcdctl's `--discovery-srv`, `--discovery-srv-name` and
 * `--insecure-discovery`: endpoints come from `_etcd-client-ssl._tcp.<domain>` (https) and
 * `_etcd-client._tcp.<domain>` (http), or `_etcd-client-ssl-<name>._tcp…` with a name.
 */
export const discoverySrvFields = {
  discoverySrv: z.string().regex(DOMAIN, "expected a DNS domain like example.com").optional(),
  discoverySrvName: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i, "expected a service name like prod")
    .optional(),
  /** etcdctl's default is true: http endpoints from `_etcd-client._tcp` are used too. */
  insecureDiscovery: z.boolean().optional(),
};

/** A cluster names its endpoints or a domain to discover them from, not both. */
export function checkEndpointSource(
  cluster: { endpoints: string[]; discoverySrv?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (cluster.discoverySrv && cluster.endpoints.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["discoverySrv"],
      message: "expected either endpoints or discoverySrv, not both",
    });
  } else if (!cluster.discoverySrv && cluster.endpoints.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["endpoints"],
      message: "expected at least one etcd endpoint (or discoverySrv, a DNS domain)",
    });
  }
}
