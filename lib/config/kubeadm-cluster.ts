import { ConfigError } from "../errors";
import { type CommandFlags, lastFlag, listFlag } from "./command-flags";
import type { TlsFiles } from "./config-schema";

/** A binary's flags and the file they were read from (a static pod manifest or a unit). */
export interface FlagSource {
  flags: CommandFlags;
  source: string;
}

export interface ControlPlaneNode {
  /** This node's name: the Kubernetes node name, or the host name. */
  nodeName: string;
  /** etcd's flags, when this node runs a member. */
  etcd?: FlagSource;
  /** kube-apiserver's flags, when this node runs one. */
  apiServer?: FlagSource;
  /** kubeadm's pki/etcd/ca.crt and pki/apiserver-etcd-client.{crt,key}, when all three exist. */
  kubeadmPki?: { files: TlsFiles; source: string };
}

export interface KubeadmCluster {
  /** A cluster entry of the config file, before the schema's defaults. */
  cluster: {
    id: string;
    name: string;
    endpoints: string[];
    tls?: TlsFiles;
    topology: {
      mode: "stacked" | "external";
      nodes: { name: string; address: string; roles: string[]; etcdMember?: string }[];
      apiServers: { name: string; node: string; etcdServers: string[] }[];
    };
  };
  /** What was found and where, one line each, for the start-up log. */
  findings: string[];
}

const trimSlash = (u: string) => u.replace(/\/+$/, "");

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return undefined;
  }
}

function tlsFromFlags(src: FlagSource | undefined, names: [string, string, string]) {
  if (!src) return undefined;
  const [ca, cert, key] = names.map((n) => lastFlag(src.flags, n));
  return ca && cert && key ? { ca, cert, key } : undefined;
}

/**
 * The cluster a kubeadm (or hand-built) control-plane node describes. Endpoints: etcd's
 * `--advertise-client-urls`, plus kube-apiserver's `--etcd-servers` that are not this node's own
 * member (kubeadm points a stacked API server at https://127.0.0.1:2379, which is etcd's
 * `--listen-client-urls`, unreachable from a pod). Topology: stacked when this node runs a
 * member and its API server uses it, external otherwise. Credentials: kubeadm's pki files, else
 * kube-apiserver's `--etcd-cafile/--etcd-certfile/--etcd-keyfile`, else etcd's
 * `--trusted-ca-file/--cert-file/--key-file`. Throws ConfigError naming the file and the flag
 * that is missing.
 */
export function kubeadmCluster(node: ControlPlaneNode): KubeadmCluster {
  const findings: string[] = [];
  const { etcd, apiServer, nodeName } = node;
  const advertise = etcd ? listFlag(etcd.flags, "advertise-client-urls").map(trimSlash) : [];
  const listen = etcd ? listFlag(etcd.flags, "listen-client-urls").map(trimSlash) : [];
  const memberName = etcd ? lastFlag(etcd.flags, "name") : undefined;
  const servers = apiServer ? listFlag(apiServer.flags, "etcd-servers").map(trimSlash) : [];
  if (etcd && advertise.length === 0) {
    throw new ConfigError(`${etcd.source}: etcd has no --advertise-client-urls`);
  }
  if (apiServer && servers.length === 0) {
    throw new ConfigError(`${apiServer.source}: kube-apiserver has no --etcd-servers`);
  }
  if (etcd) {
    findings.push(
      `etcd member ${memberName ?? "(no --name)"} advertises ${advertise.join(",")} (${etcd.source})`,
    );
  }
  if (apiServer) {
    findings.push(`kube-apiserver uses --etcd-servers=${servers.join(",")} (${apiServer.source})`);
  }

  const own = new Set([...advertise, ...listen]);
  const serversHere = servers.filter((s) => own.has(s));
  const serversElsewhere = servers.filter((s) => !own.has(s));
  const stacked = etcd !== undefined && apiServer !== undefined && serversHere.length > 0;
  findings.push(
    stacked
      ? "topology stacked: this node runs an etcd member and the API server that uses it"
      : apiServer
        ? "topology external: the API server's etcd members run elsewhere"
        : "topology external: this node runs an etcd member and no API server",
  );
  const endpoints = [...new Set([...advertise, ...serversElsewhere])];

  const fromApi = tlsFromFlags(apiServer, ["etcd-cafile", "etcd-certfile", "etcd-keyfile"]);
  const fromEtcd = tlsFromFlags(etcd, ["trusted-ca-file", "cert-file", "key-file"]);
  const tls = node.kubeadmPki?.files ?? fromApi ?? fromEtcd;
  if (node.kubeadmPki) findings.push(`client certificate from ${node.kubeadmPki.source}`);
  else if (fromApi && apiServer)
    findings.push(`client certificate from --etcd-certfile (${apiServer.source})`);
  else if (fromEtcd && etcd)
    findings.push(`client certificate from etcd's --cert-file (${etcd.source})`);
  if (!tls && endpoints.some((e) => e.startsWith("https:"))) {
    throw new ConfigError(
      "the kubeadm preset found https endpoints but no client certificate: expected pki/etcd/ca.crt and pki/apiserver-etcd-client.{crt,key}, --etcd-cafile/--etcd-certfile/--etcd-keyfile on kube-apiserver, or --trusted-ca-file/--cert-file/--key-file on etcd",
    );
  }

  const roles = [
    "control-plane",
    ...(etcd ? ["etcd"] : []),
    ...(apiServer ? ["kube-apiserver"] : []),
  ];
  const memberUrl = advertise[0];
  return {
    cluster: {
      id: "default",
      name: `Control plane seen from ${nodeName}`,
      endpoints,
      ...(tls ? { tls } : {}),
      topology: {
        mode: stacked ? "stacked" : "external",
        nodes: [
          {
            name: nodeName,
            address: hostOf(memberUrl) ?? nodeName,
            roles,
            ...(memberName ? { etcdMember: memberName } : {}),
          },
        ],
        apiServers: apiServer
          ? [
              {
                name: `kube-apiserver-${nodeName}`,
                node: nodeName,
                // Its loopback member is drawn as the member it is.
                etcdServers: [
                  ...new Set(servers.map((s) => (own.has(s) && memberUrl ? memberUrl : s))),
                ],
              },
            ]
          : [],
      },
    },
    findings,
  };
}
