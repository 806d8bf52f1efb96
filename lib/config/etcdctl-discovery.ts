import type { Environment } from "./config-schema";

/**
 * The zero-config cluster's endpoint source. As in etcdctl, ETCDCTL_DISCOVERY_SRV wins over
 * ETCDCTL_ENDPOINTS when both are set (the start-up warnings say the endpoints were ignored).
 */
export function discoveryFromEtcdctlEnvironment(
  env: Environment,
  endpoints: string[],
): {
  endpoints: string[];
  discoverySrv?: string;
  discoverySrvName?: string;
  insecureDiscovery?: boolean;
} {
  if (!env.ETCDCTL_DISCOVERY_SRV) return { endpoints };
  return {
    endpoints: [],
    discoverySrv: env.ETCDCTL_DISCOVERY_SRV,
    ...(env.ETCDCTL_DISCOVERY_SRV_NAME ? { discoverySrvName: env.ETCDCTL_DISCOVERY_SRV_NAME } : {}),
    ...(env.ETCDCTL_INSECURE_DISCOVERY !== undefined
      ? { insecureDiscovery: env.ETCDCTL_INSECURE_DISCOVERY }
      : {}),
  };
}
