import "server-only";
import { accessSync, constants, readFileSync } from "node:fs";
import path from "node:path";
import { type ConfigFile, environmentSchema } from "../config/config-schema";
import { type EtcdUser, etcdctlUser } from "../config/etcdctl-user";
import { formatIssues } from "../config/format-issues";
import { configFromEtcdctlEnvironment, parseConfigText } from "../config/parse-config";
import { ConfigError } from "../errors";
import { kubeadmPreset } from "./config/kubeadm-preset";
import { loadEtcdUsers } from "./etcd/etcd-users";

export interface RaftscopeConfig extends ConfigFile {
  dataDir: string;
  /** Where the clusters came from, for start-up logs. */
  source: string;
  /** etcd users by cluster id, for clusters with etcd authentication (key reads only). */
  etcdUsers: ReadonlyMap<string, EtcdUser>;
  /** What a preset found and where, one line each, for start-up logs. */
  findings?: string[];
}

/**
 * Reads the environment and config file once, validates both, and checks that every
 * certificate and key can be read. Throws ConfigError naming the field or path at fault.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): RaftscopeConfig {
  const parsedEnv = environmentSchema.safeParse(env);
  if (!parsedEnv.success) {
    throw new ConfigError(`Invalid environment:\n${formatIssues(parsedEnv.error)}`);
  }
  const e = parsedEnv.data;
  let file: ConfigFile;
  let source: string;
  let findings: string[] | undefined;
  // The kubeadm preset applies only when nothing else says where the cluster is.
  const explicit = e.RAFTSCOPE_CONFIG || Object.keys(env).some((k) => k.startsWith("ETCDCTL_"));
  const preset = explicit ? undefined : kubeadmPreset(env);
  if (preset) {
    ({ file, source, findings } = preset);
  } else if (e.RAFTSCOPE_CONFIG) {
    source = path.resolve(e.RAFTSCOPE_CONFIG);
    let text: string;
    try {
      text = readFileSync(/*turbopackIgnore: true*/ source, "utf8");
    } catch (err) {
      throw new ConfigError(
        `Cannot read the config file ${source} (RAFTSCOPE_CONFIG): ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
    file = parseConfigText(text, source);
  } else if (e.ETCDCTL_ENDPOINTS || e.ETCDCTL_DISCOVERY_SRV) {
    source = "ETCDCTL_* environment";
    file = configFromEtcdctlEnvironment(e);
  } else {
    throw new ConfigError(
      "No cluster configured: set RAFTSCOPE_CONFIG to a config file, or ETCDCTL_ENDPOINTS or ETCDCTL_DISCOVERY_SRV (with ETCDCTL_CACERT, ETCDCTL_CERT and ETCDCTL_KEY for mutual TLS), or run on a control-plane node (kubeadm's manifests under RAFTSCOPE_KUBEADM_ROOT, default /etc/kubernetes, or etcd.service / kube-apiserver.service under RAFTSCOPE_SYSTEMD_DIR)",
    );
  }
  for (const cluster of file.clusters) {
    const files = [
      ...Object.entries(cluster.tls ?? {}).map(([f, p]) => [`tls.${f}`, p] as const),
      ...Object.entries(cluster.prometheus?.tls ?? {}).map(
        ([f, p]) => [`prometheus.tls.${f}`, p] as const,
      ),
      ...(cluster.prometheus?.bearer
        ? [["prometheus.bearer.file", cluster.prometheus.bearer.file] as const]
        : []),
    ];
    for (const [field, p] of files) {
      if (p === undefined) continue;
      try {
        accessSync(p, constants.R_OK);
      } catch (err) {
        const reason =
          (err as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : "is not readable";
        throw new ConfigError(`cluster "${cluster.id}": ${field} file ${p} ${reason}`);
      }
    }
  }
  const envUser = e.RAFTSCOPE_CONFIG ? undefined : etcdctlUser(e);
  return {
    ...file,
    dataDir: path.resolve(e.RAFTSCOPE_DATA_DIR),
    source,
    etcdUsers: loadEtcdUsers(file.clusters, envUser),
    ...(findings ? { findings } : {}),
  };
}
