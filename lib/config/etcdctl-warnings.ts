import { ETCDCTL_VARIABLES_READ } from "./etcdctl-extra-variables";

const READ: ReadonlySet<string> = new Set(ETCDCTL_VARIABLES_READ);

/** Why a variable etcdctl knows is not used, where there is more to say than "not used". */
const HINTS: Record<string, string> = {
  ETCDCTL_INSECURE_SKIP_TLS_VERIFY: "Raftscope always verifies members' certificates",
  ETCDCTL_INSECURE_TRANSPORT: "Raftscope uses TLS whenever an endpoint is https",
  ETCDCTL_DIAL_TIMEOUT: "set deadlineMs in a config file (RAFTSCOPE_CONFIG) instead",
  ETCDCTL_COMMAND_TIMEOUT: "set deadlineMs in a config file (RAFTSCOPE_CONFIG) instead",
  ETCDCTL_KEEPALIVE_TIME: "Raftscope polls every member each pollIntervalMs instead",
  ETCDCTL_KEEPALIVE_TIMEOUT: "Raftscope polls every member each pollIntervalMs instead",
  ETCDCTL_API: "Raftscope speaks etcd's v3 API only",
  ETCDCTL_WRITE_OUT: "it only changes etcdctl's output",
  ETCDCTL_HEX: "it only changes etcdctl's output",
};

/**
 * One start-up warning per ETCDCTL_* variable that is set but does not take effect, naming it:
 * variables Raftscope does not read, all of them when RAFTSCOPE_CONFIG names the clusters,
 * ETCDCTL_ENDPOINTS beside ETCDCTL_DISCOVERY_SRV (etcdctl lets discovery win too), and the
 * discovery options without a domain. ETCDCTL_API=3 is silent: it is what Raftscope speaks.
 */
export function etcdctlWarnings(env: Readonly<Record<string, string | undefined>>): string[] {
  const set = Object.keys(env)
    .filter((name) => name.startsWith("ETCDCTL_") && env[name] !== undefined)
    .sort();
  const warnings: string[] = [];
  for (const name of set) {
    if (name === "ETCDCTL_API" && env[name]?.trim() === "3") continue;
    if (!READ.has(name)) {
      const hint = HINTS[name];
      warnings.push(`${name} is set but Raftscope does not use it${hint ? `: ${hint}` : ""}`);
    } else if (env.RAFTSCOPE_CONFIG) {
      warnings.push(`${name} is ignored: RAFTSCOPE_CONFIG names the clusters`);
    } else if (name === "ETCDCTL_ENDPOINTS" && env.ETCDCTL_DISCOVERY_SRV) {
      warnings.push(
        "ETCDCTL_ENDPOINTS is ignored: ETCDCTL_DISCOVERY_SRV is set and wins, as in etcdctl",
      );
    } else if (
      (name === "ETCDCTL_DISCOVERY_SRV_NAME" || name === "ETCDCTL_INSECURE_DISCOVERY") &&
      !env.ETCDCTL_DISCOVERY_SRV
    ) {
      warnings.push(`${name} is ignored without ETCDCTL_DISCOVERY_SRV`);
    }
  }
  return warnings;
}
