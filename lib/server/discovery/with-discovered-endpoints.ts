import "server-only";
import type { RaftscopeConfig } from "../config";
import { discoverSrvEndpoints, parseDnsServers } from "./discover-srv";

/**
 * The config with every `discoverySrv` cluster's endpoints filled from DNS SRV, once at
 * start-up: after that the poller finds members through MemberList, as etcdctl does after
 * dialing. Throws ConfigError naming the cluster, the SRV names and DNS's answer.
 */
export async function withDiscoveredEndpoints(
  config: RaftscopeConfig,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<RaftscopeConfig> {
  if (!config.clusters.some((c) => c.discoverySrv)) return config;
  const dns = parseDnsServers(env.RAFTSCOPE_DNS_SERVERS);
  const clusters = await Promise.all(
    config.clusters.map(async (c) =>
      c.discoverySrv ? { ...c, endpoints: await discoverSrvEndpoints(c, dns) } : c,
    ),
  );
  return { ...config, clusters };
}
