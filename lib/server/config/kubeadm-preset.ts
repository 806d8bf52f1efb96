import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { z } from "zod";
import { type CommandFlags, parseCommandFlags } from "../../config/command-flags";
import { type ConfigFile, configFileSchema } from "../../config/config-schema";
import { formatIssues } from "../../config/format-issues";
import { type FlagSource, kubeadmCluster } from "../../config/kubeadm-cluster";
import { staticPodCommand } from "../../config/static-pod-command";
import { systemdExecStart } from "../../config/systemd-exec-start";
import { ConfigError } from "../../errors";

/** The preset's own variables; the defaults are where kubeadm and systemd put things. */
export const kubeadmEnvironmentSchema = z.object({
  RAFTSCOPE_KUBEADM_ROOT: z.string().min(1).default("/etc/kubernetes"),
  RAFTSCOPE_SYSTEMD_DIR: z.string().min(1).default("/etc/systemd/system"),
  /** In a DaemonSet, the node's name from the downward API (spec.nodeName). */
  RAFTSCOPE_NODE_NAME: z.string().min(1).optional(),
});

export interface KubeadmPreset {
  file: ConfigFile;
  source: string;
  findings: string[];
}

function read(file: string): string | undefined {
  if (!existsSync(/*turbopackIgnore: true*/ file)) return undefined;
  try {
    return readFileSync(/*turbopackIgnore: true*/ file, "utf8");
  } catch (err) {
    throw new ConfigError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
}

/** A binary's flags from its static pod manifest, else from its systemd unit. */
function binaryFlags(manifest: string, unit: string, container: string): FlagSource | undefined {
  const podText = read(manifest);
  if (podText !== undefined) {
    let flags: CommandFlags;
    try {
      flags = parseCommandFlags(staticPodCommand(podText, container));
    } catch (err) {
      throw new ConfigError(`${manifest}: ${(err as Error).message}`);
    }
    return { flags, source: manifest };
  }
  const unitText = read(unit);
  if (unitText === undefined) return undefined;
  const argv = systemdExecStart(unitText);
  if (!argv) throw new ConfigError(`${unit}: no ExecStart= in its [Service] section`);
  return { flags: parseCommandFlags(argv), source: unit };
}

/**
 * The kubeadm preset: the cluster this control-plane node belongs to, read from kubeadm's layout
 * under RAFTSCOPE_KUBEADM_ROOT (manifests/etcd.yaml, manifests/kube-apiserver.yaml, pki/) or
 * from etcd.service and kube-apiserver.service under RAFTSCOPE_SYSTEMD_DIR. Undefined when
 * neither etcd nor kube-apiserver is found there; throws ConfigError naming the file at fault.
 */
export function kubeadmPreset(env: Record<string, string | undefined>): KubeadmPreset | undefined {
  const parsed = kubeadmEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment:\n${formatIssues(parsed.error)}`);
  }
  const e = parsed.data;
  const root = path.resolve(e.RAFTSCOPE_KUBEADM_ROOT);
  const units = path.resolve(e.RAFTSCOPE_SYSTEMD_DIR);
  const etcd = binaryFlags(
    path.join(root, "manifests", "etcd.yaml"),
    path.join(units, "etcd.service"),
    "etcd",
  );
  const apiServer = binaryFlags(
    path.join(root, "manifests", "kube-apiserver.yaml"),
    path.join(units, "kube-apiserver.service"),
    "kube-apiserver",
  );
  if (!etcd && !apiServer) return undefined;

  const pki = {
    ca: path.join(root, "pki", "etcd", "ca.crt"),
    cert: path.join(root, "pki", "apiserver-etcd-client.crt"),
    key: path.join(root, "pki", "apiserver-etcd-client.key"),
  };
  const hasPki = Object.values(pki).every((f) => existsSync(/*turbopackIgnore: true*/ f));
  const { cluster, findings } = kubeadmCluster({
    nodeName: e.RAFTSCOPE_NODE_NAME ?? hostname(),
    ...(etcd ? { etcd } : {}),
    ...(apiServer ? { apiServer } : {}),
    ...(hasPki ? { kubeadmPki: { files: pki, source: path.join(root, "pki") } } : {}),
  });
  const file = configFileSchema.safeParse({ clusters: [cluster] });
  if (!file.success) {
    throw new ConfigError(
      `The kubeadm preset read a cluster it cannot use:\n${formatIssues(file.error)}`,
    );
  }
  const sources = [etcd?.source, apiServer?.source].filter((s) => s !== undefined);
  return { file: file.data, source: `kubeadm preset: ${sources.join(", ")}`, findings };
}
