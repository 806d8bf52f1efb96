import { writeFileSync } from "node:fs";
import { stringify } from "yaml";
import type { EtcdCluster } from "./etcd-cluster";
import type { TlsFiles } from "./etcdctl";

/**
 * A Raftscope config for a harness cluster: `demo` with a declared stacked topology (one
 * control-plane node per member, an API server beside each), and the same members again as
 * `external`, drawn as a dedicated etcd tier with two API servers.
 */
export function writeDashboardConfig(
  file: string,
  cluster: EtcdCluster,
  opts: {
    includeExternal?: boolean;
    pollIntervalMs?: number;
    tls?: TlsFiles;
    /** /metrics every 2 s as if the cluster's page were open, not every 10 s. */
    watched?: boolean;
  } = {},
): void {
  const members = cluster.members;
  const tls = opts.tls ?? cluster.tlsFiles;
  const stacked = {
    id: "demo",
    name: "Demo control plane",
    endpoints: members.slice(0, 1).map((m) => m.clientUrl),
    tls,
    ...(opts.pollIntervalMs ? { pollIntervalMs: opts.pollIntervalMs } : {}),
    ...(opts.watched ? { backgroundScrapeIntervalMs: 2000 } : {}),
    topology: {
      mode: "stacked",
      nodes: members.map((m, i) => ({
        name: `cp-${i + 1}`,
        address: "127.0.0.1",
        roles: ["control-plane", "etcd", "kube-apiserver"],
        etcdMember: m.name,
      })),
      apiServers: members.map((m, i) => ({
        name: `kube-apiserver-cp-${i + 1}`,
        node: `cp-${i + 1}`,
        etcdServers: [m.clientUrl],
      })),
    },
  };
  const external = {
    id: "external",
    name: "External etcd tier",
    endpoints: members.map((m) => m.clientUrl),
    tls,
    ...(opts.watched ? { backgroundScrapeIntervalMs: 2000 } : {}),
    topology: {
      mode: "external",
      nodes: members.map((m, i) => ({
        name: `etcd-${i + 1}`,
        address: "127.0.0.1",
        roles: ["etcd"],
        etcdMember: m.name,
      })),
      apiServers: [
        { name: "kube-apiserver-a", etcdServers: members.map((m) => m.clientUrl) },
        { name: "kube-apiserver-b", etcdServers: members.slice(0, 1).map((m) => m.clientUrl) },
      ],
    },
  };
  writeFileSync(
    file,
    stringify({ clusters: opts.includeExternal ? [stacked, external] : [stacked] }),
  );
}
