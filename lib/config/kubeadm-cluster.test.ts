import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCommandFlags } from "./command-flags";
import { configFileSchema } from "./config-schema";
import { kubeadmCluster } from "./kubeadm-cluster";
import { staticPodCommand } from "./static-pod-command";
import { systemdExecStart } from "./systemd-exec-start";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const fromPod = (name: string, container: string) => ({
  flags: parseCommandFlags(staticPodCommand(fixture(name), container)),
  source: `/etc/kubernetes/manifests/${name}`,
});
const fromUnit = (name: string) => ({
  flags: parseCommandFlags(systemdExecStart(fixture(name)) ?? []),
  source: `/etc/systemd/system/${name}`,
});
const pki = {
  files: {
    ca: "/etc/kubernetes/pki/etcd/ca.crt",
    cert: "/etc/kubernetes/pki/apiserver-etcd-client.crt",
    key: "/etc/kubernetes/pki/apiserver-etcd-client.key",
  },
  source: "/etc/kubernetes/pki",
};

describe("kubeadmCluster", () => {
  it("reads a stacked kubeadm node: its member's advertised URL, not the API server's loopback", () => {
    const { cluster, findings } = kubeadmCluster({
      nodeName: "cp-1",
      etcd: fromPod("kubeadm-etcd.yaml", "etcd"),
      apiServer: fromPod("kubeadm-kube-apiserver.yaml", "kube-apiserver"),
      kubeadmPki: pki,
    });
    expect(cluster.endpoints).toEqual(["https://10.0.0.11:2379"]);
    expect(cluster.tls).toEqual(pki.files);
    expect(cluster.topology).toEqual({
      mode: "stacked",
      nodes: [
        {
          name: "cp-1",
          address: "10.0.0.11",
          roles: ["control-plane", "etcd", "kube-apiserver"],
          etcdMember: "cp-1",
        },
      ],
      apiServers: [
        { name: "kube-apiserver-cp-1", node: "cp-1", etcdServers: ["https://10.0.0.11:2379"] },
      ],
    });
    expect(findings.join("\n")).toContain(
      "etcd member cp-1 advertises https://10.0.0.11:2379 (/etc/kubernetes/manifests/kubeadm-etcd.yaml)",
    );
    expect(findings.join("\n")).toContain("topology stacked");
    expect(configFileSchema.safeParse({ clusters: [cluster] }).success).toBe(true);
  });

  it("reads an API server of an external etcd tier from its systemd unit, with its --etcd-* files", () => {
    const { cluster, findings } = kubeadmCluster({
      nodeName: "controller-0",
      apiServer: fromUnit("kube-apiserver.service"),
    });
    expect(cluster.endpoints).toEqual(["https://10.240.0.20:2379", "https://10.240.0.21:2379"]);
    expect(cluster.tls).toEqual({
      ca: "/var/lib/kubernetes/ca.pem",
      cert: "/var/lib/kubernetes/kubernetes.pem",
      key: "/var/lib/kubernetes/kubernetes-key.pem",
    });
    expect(cluster.topology.mode).toBe("external");
    expect(cluster.topology.nodes[0]?.roles).toEqual(["control-plane", "kube-apiserver"]);
    expect(findings.join("\n")).toContain("client certificate from --etcd-certfile");
  });

  it("reads an etcd-only node from etcd.service, with etcd's own certificate", () => {
    const { cluster } = kubeadmCluster({ nodeName: "etcd-a", etcd: fromUnit("etcd.service") });
    expect(cluster.endpoints).toEqual(["https://10.240.0.20:2379"]);
    expect(cluster.tls?.cert).toBe("/etc/etcd/kubernetes.pem");
    expect(cluster.topology.mode).toBe("external");
    expect(cluster.topology.nodes[0]?.etcdMember).toBe("etcd-a");
  });

  it("names the file and flag that are missing", () => {
    const etcd = { flags: parseCommandFlags(["etcd", "--name=a"]), source: "/x/etcd.yaml" };
    expect(() => kubeadmCluster({ nodeName: "n", etcd })).toThrow(
      "/x/etcd.yaml: etcd has no --advertise-client-urls",
    );
    const apiServer = {
      flags: parseCommandFlags(["kube-apiserver", "--etcd-servers=https://10.0.0.1:2379"]),
      source: "/x/kube-apiserver.yaml",
    };
    expect(() => kubeadmCluster({ nodeName: "n", apiServer })).toThrow(/no client certificate/);
  });
});
