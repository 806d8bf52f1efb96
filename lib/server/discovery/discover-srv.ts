import "server-only";
import { Resolver } from "node:dns/promises";
import type { ClusterConfig } from "../../config/config-schema";
import {
  type SrvRecord,
  srvEndpoints,
  srvServiceNames,
  srvTargetHost,
} from "../../discovery/srv-endpoints";
import { ConfigError } from "../../errors";
import { pinHost } from "../etcd/pinned-hosts";

export interface DnsSettings {
  /** `ip` or `ip:port` of the DNS servers to ask; the system's when empty. */
  servers: string[];
}

/** Parses RAFTSCOPE_DNS_SERVERS (`127.0.0.1:5353,10.0.0.53`); throws ConfigError naming it. */
export function parseDnsServers(value: string | undefined): DnsSettings {
  const servers = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    new Resolver().setServers(servers);
  } catch (err) {
    throw new ConfigError(
      `RAFTSCOPE_DNS_SERVERS: expected addresses like 127.0.0.1:5353, got "${value}" (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  return { servers };
}

function dnsError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : err instanceof Error ? err.message : String(err);
}

/**
 * A cluster's client URLs from DNS SRV, as etcdctl's --discovery-srv finds them: both
 * `_etcd-client-ssl._tcp.<domain>` and `_etcd-client._tcp.<domain>` are asked, and discovery
 * fails only when both fail or nothing usable is found (ConfigError naming both names and
 * what DNS said). Targets keep their names, without the trailing dot, so TLS verifies the
 * member's certificate against the name the SRV record gave. With `dns.servers` set, targets are
 * resolved through those servers too and pinned for dialing. Each query has the cluster's
 * deadline; c-ares retries once.
 */
export async function discoverSrvEndpoints(
  cluster: Pick<
    ClusterConfig,
    "id" | "discoverySrv" | "discoverySrvName" | "insecureDiscovery" | "deadlineMs"
  >,
  dns: DnsSettings,
): Promise<string[]> {
  const domain = cluster.discoverySrv;
  if (!domain) return [];
  const resolver = new Resolver({ timeout: cluster.deadlineMs, tries: 2 });
  if (dns.servers.length > 0) resolver.setServers(dns.servers);
  const names = srvServiceNames(domain, cluster.discoverySrvName);
  const [https, http] = await Promise.allSettled([
    resolver.resolveSrv(names.https),
    resolver.resolveSrv(names.http),
  ]);
  const records = (r: PromiseSettledResult<SrvRecord[]>) =>
    r.status === "fulfilled" ? r.value : [];
  const insecure = cluster.insecureDiscovery ?? true;
  const endpoints = srvEndpoints(records(https), records(http), insecure);
  if (endpoints.length === 0) {
    const said = (name: string, r: PromiseSettledResult<SrvRecord[]>) =>
      `${name}: ${r.status === "rejected" ? dnsError(r.reason) : "no usable record"}`;
    throw new ConfigError(
      `cluster "${cluster.id}": DNS SRV discovery for ${domain} found no endpoint (${said(names.https, https)}; ${said(names.http, http)}${insecure ? "" : "; http endpoints are not used with insecureDiscovery false"})`,
    );
  }
  if (dns.servers.length > 0) {
    const targets = [...new Set([...records(https), ...records(http)].map(srvTargetHost))];
    await Promise.all(targets.map((t) => pinTarget(resolver, t, cluster.id)));
  }
  return endpoints;
}

async function pinTarget(resolver: Resolver, target: string, clusterId: string): Promise<void> {
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(target), resolver.resolve6(target)]);
  const address =
    (v4.status === "fulfilled" ? v4.value[0] : undefined) ??
    (v6.status === "fulfilled" ? v6.value[0] : undefined);
  if (!address) {
    const reason = v4.status === "rejected" ? dnsError(v4.reason) : "no A or AAAA record";
    throw new ConfigError(
      `cluster "${clusterId}": the SRV target ${target} does not resolve through RAFTSCOPE_DNS_SERVERS (${reason})`,
    );
  }
  pinHost(target, address);
}
