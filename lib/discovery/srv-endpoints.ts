/** One SRV answer, as node's dns.resolveSrv gives it. */
export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

/** The two SRV names etcdctl asks, https first (etcd client/pkg/srv GetSRVService). */
export function srvServiceNames(
  domain: string,
  serviceName?: string,
): { https: string; http: string } {
  const suffix = serviceName ? `-${serviceName}` : "";
  const base = domain.replace(/\.$/, "");
  return {
    https: `_etcd-client-ssl${suffix}._tcp.${base}`,
    http: `_etcd-client${suffix}._tcp.${base}`,
  };
}

/** A record's target host: absolute DNS names end in a dot, which TLS names never carry. */
export function srvTargetHost(record: SrvRecord): string {
  return record.name.replace(/\.$/, "").toLowerCase();
}

/**
 * Client URLs from the answers to both SRV names, as etcdctl builds them: https ones first, then
 * http ones unless `insecure` is false (etcdctl's --insecure-discovery, true by default). Within
 * each, by priority, then heavier weight first (RFC 2782 order, without its random pick).
 */
export function srvEndpoints(
  https: readonly SrvRecord[],
  http: readonly SrvRecord[],
  insecure: boolean,
): string[] {
  const ordered = (records: readonly SrvRecord[]) =>
    [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
  const url = (scheme: string, r: SrvRecord) => {
    const host = srvTargetHost(r);
    return `${scheme}://${host.includes(":") ? `[${host}]` : host}:${r.port}`;
  };
  return [
    ...new Set([
      ...ordered(https).map((r) => url("https", r)),
      ...(insecure ? ordered(http).map((r) => url("http", r)) : []),
    ]),
  ];
}
