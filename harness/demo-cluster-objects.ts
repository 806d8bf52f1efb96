import {
  CLUSTER_AGE_MS,
  DAY,
  demoMeta,
  KUBE_VERSION,
  k8sSuffix,
  NODES,
  type Put,
  uid,
} from "./demo-support";
import * as k8s from "./k8s-objects";
import { fakeBytes } from "./k8s-storage";

const NAMESPACES = [
  "default",
  "kube-system",
  "kube-public",
  "kube-node-lease",
  "payments",
  "checkout",
  "monitoring",
  "ingress-nginx",
];

type Rule = { verbs: string[]; apiGroups: string[]; resources: string[] };

const CLUSTER_ROLES: Array<[string, Rule[]]> = [
  ["cluster-admin", [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }]],
  ["view", [{ verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods", "services"] }]],
  [
    "system:kube-scheduler",
    [{ verbs: ["get", "update"], apiGroups: ["coordination.k8s.io"], resources: ["leases"] }],
  ],
  ["system:node", [{ verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["nodes"] }]],
  [
    "system:controller:replicaset-controller",
    [{ verbs: ["create", "delete", "list", "watch"], apiGroups: [""], resources: ["pods"] }],
  ],
];

/**
 * What any kubeadm cluster holds before workloads arrive: service IP and port allocations, nodes,
 * namespaces with their default service account and root CA config map, system config maps,
 * cluster roles, and the node, controller and apiserver leases (renewed, so `now` matters).
 */
export function putClusterObjects(put: Put, now: number): void {
  const birth = now - CLUSTER_AGE_MS;
  // kube-apiserver's compactor keeps the last compacted revision in this root-level key.
  put("compact_rev_key", "1");
  for (const [key, range] of [
    ["/registry/ranges/serviceips", "10.96.0.0/12"],
    ["/registry/ranges/servicenodeports", "30000-32767"],
  ] as const) {
    const meta = { name: "", uid: uid(`range/${range}`), createdAt: birth };
    put(key, k8s.rangeAllocation(meta, range, fakeBytes(`bitmap/${range}`, 12)));
  }

  for (const [i, n] of NODES.entries()) {
    const labels: Record<string, string> = {
      "kubernetes.io/hostname": n.name,
      "kubernetes.io/os": "linux",
    };
    if (n.name.startsWith("cp-")) labels["node-role.kubernetes.io/control-plane"] = "";
    put(
      `/registry/minions/${n.name}`,
      k8s.node(demoMeta("Node", n.name, undefined, birth + i * 60_000, { labels }), {
        podCIDR: `10.244.${i}.0/24`,
        internalIP: n.ip,
        kubeletVersion: KUBE_VERSION,
      }),
    );
  }

  for (const ns of NAMESPACES) {
    const createdAt = ns.startsWith("kube-") || ns === "default" ? birth : now - 30 * DAY;
    const labels = { "kubernetes.io/metadata.name": ns };
    put(
      `/registry/namespaces/${ns}`,
      k8s.namespace(demoMeta("Namespace", ns, undefined, createdAt, { labels })),
    );
    put(
      `/registry/serviceaccounts/${ns}/default`,
      k8s.serviceAccount(demoMeta("ServiceAccount", "default", ns, createdAt)),
    );
    put(
      `/registry/configmaps/${ns}/kube-root-ca.crt`,
      k8s.configMap(demoMeta("ConfigMap", "kube-root-ca.crt", ns, createdAt), {
        "ca.crt": FAKE_CA_PEM,
      }),
    );
  }

  putConfigMaps(put, now, birth);
  for (const [name, rules] of CLUSTER_ROLES) {
    const labels = { "kubernetes.io/bootstrapping": "rbac-defaults" };
    put(
      `/registry/clusterroles/${name}`,
      k8s.clusterRole(demoMeta("ClusterRole", name, undefined, birth, { labels }), rules),
    );
  }
  putLeases(put, now, birth);
}

function putConfigMaps(put: Put, now: number, birth: number): void {
  const configMaps: Array<[string, string, number, Record<string, string>]> = [
    [
      "payments",
      "payments-api-config",
      now - 7 * DAY,
      {
        "application.yaml": "server:\n  port: 8080\nledger:\n  url: http://ledger.payments.svc\n",
        LOG_LEVEL: "info",
      },
    ],
    [
      "kube-system",
      "coredns",
      birth,
      {
        Corefile:
          ".:53 {\n    errors\n    health\n    kubernetes cluster.local in-addr.arpa ip6.arpa\n    forward . /etc/resolv.conf\n    cache 30\n}\n",
      },
    ],
    [
      "kube-system",
      "kubeadm-config",
      birth,
      {
        ClusterConfiguration: `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: ${KUBE_VERSION}\netcd:\n  local:\n    dataDir: /var/lib/etcd\n`,
      },
    ],
    [
      "kube-public",
      "cluster-info",
      birth,
      {
        kubeconfig:
          'apiVersion: v1\nclusters:\n- cluster:\n    server: https://192.168.49.2:6443\n  name: ""\nkind: Config\n',
      },
    ],
  ];
  for (const [namespace, name, createdAt, data] of configMaps) {
    put(
      `/registry/configmaps/${namespace}/${name}`,
      k8s.configMap(demoMeta("ConfigMap", name, namespace, createdAt), data),
    );
  }
}

function putLeases(put: Put, now: number, birth: number): void {
  for (const n of NODES) {
    put(
      `/registry/leases/kube-node-lease/${n.name}`,
      k8s.lease(demoMeta("Lease", n.name, "kube-node-lease", birth), {
        holder: n.name,
        durationSeconds: 40,
        renewedAt: now - 4_000,
        transitions: 0,
      }),
    );
  }
  for (const [name, transitions] of [
    ["kube-controller-manager", 3],
    ["kube-scheduler", 2],
  ] as const) {
    put(
      `/registry/leases/kube-system/${name}`,
      k8s.lease(demoMeta("Lease", name, "kube-system", birth), {
        holder: `cp-1_${uid(`holder/${name}`)}`,
        durationSeconds: 15,
        renewedAt: now - 1_500,
        transitions,
      }),
    );
  }
  const apiserver = `apiserver-${k8sSuffix("apiserver-lease", 26)}`;
  const labels = { "apiserver.kubernetes.io/identity": "kube-apiserver" };
  put(
    `/registry/leases/kube-system/${apiserver}`,
    k8s.lease(demoMeta("Lease", apiserver, "kube-system", now - DAY, { labels }), {
      holder: apiserver,
      durationSeconds: 3600,
      renewedAt: now - 8_000,
      transitions: 0,
    }),
  );
}

const FAKE_CA_PEM = `-----BEGIN CERTIFICATE-----\n${fakeBytes("kube-root-ca", 300)
  .toString("base64")
  .replace(/(.{64})/g, "$1\n")}\n-----END CERTIFICATE-----\n`;
