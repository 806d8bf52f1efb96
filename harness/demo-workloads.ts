import {
  CLUSTER_AGE_MS,
  DAY,
  demoMeta,
  HOUR,
  KUBE_VERSION,
  k8sSuffix,
  NODES,
  type Put,
} from "./demo-support";
import * as k8s from "./k8s-objects";

/** A pod the events in demo-events.ts refer to. */
export interface DemoPod {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  app: string;
}

interface App {
  namespace: string;
  name: string;
  image: string;
  replicas: number;
  port: number;
  /** Service name when it differs from the app's. */
  service?: string;
}

const APPS: App[] = [
  {
    namespace: "payments",
    name: "payments-api",
    image: "registry.example.com/payments/api:2.14.1",
    replicas: 3,
    port: 8080,
  },
  {
    namespace: "payments",
    name: "ledger",
    image: "registry.example.com/payments/ledger:1.9.0",
    replicas: 2,
    port: 8080,
  },
  {
    namespace: "payments",
    name: "fraud-scorer",
    image: "registry.example.com/payments/fraud-scorer:0.7.3",
    replicas: 2,
    port: 9000,
  },
  {
    namespace: "checkout",
    name: "checkout-web",
    image: "registry.example.com/checkout/web:5.2.0",
    replicas: 3,
    port: 3000,
  },
  {
    namespace: "checkout",
    name: "cart",
    image: "registry.example.com/checkout/cart:3.0.8",
    replicas: 2,
    port: 8080,
  },
  {
    namespace: "monitoring",
    name: "grafana",
    image: "docker.io/grafana/grafana:11.4.0",
    replicas: 1,
    port: 3000,
  },
  {
    namespace: "monitoring",
    name: "prometheus-operator",
    image: "quay.io/prometheus-operator/prometheus-operator:v0.79.2",
    replicas: 1,
    port: 8080,
  },
  {
    namespace: "kube-system",
    name: "coredns",
    image: "registry.k8s.io/coredns/coredns:v1.11.3",
    replicas: 2,
    port: 53,
    service: "kube-dns",
  },
  {
    namespace: "ingress-nginx",
    name: "ingress-nginx-controller",
    image: "registry.k8s.io/ingress-nginx/controller:v1.12.0",
    replicas: 1,
    port: 80,
  },
];

/**
 * Deployments with their ReplicaSets, pods, services and endpoints, the control-plane static pods
 * and a kube-proxy per node. Returns every pod written, for the events that mention them.
 */
export function putWorkloads(put: Put, now: number): DemoPod[] {
  const pods: DemoPod[] = [];
  for (const [appIndex, app] of APPS.entries())
    pods.push(...putApp(put, now, app, appIndex, pods.length));
  putDefaultKubernetesService(put, now);
  const birth = now - CLUSTER_AGE_MS;
  for (const component of ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"]) {
    const image =
      component === "etcd"
        ? "registry.k8s.io/etcd:3.5.16-0"
        : `registry.k8s.io/${component}:${KUBE_VERSION}`;
    pods.push(
      putPod(put, {
        namespace: "kube-system",
        name: `${component}-cp-1`,
        app: component,
        createdAt: birth,
        labels: { component, tier: "control-plane" },
        template: { labels: { component }, containers: [{ name: component, image }] },
        node: "cp-1",
        hostNetwork: true,
      }),
    );
  }
  for (const n of NODES) {
    const labels = { "k8s-app": "kube-proxy" };
    pods.push(
      putPod(put, {
        namespace: "kube-system",
        name: `kube-proxy-${k8sSuffix(`kube-proxy/${n.name}`, 5)}`,
        app: "kube-proxy",
        createdAt: birth + HOUR,
        labels,
        template: {
          labels,
          containers: [{ name: "kube-proxy", image: `registry.k8s.io/kube-proxy:${KUBE_VERSION}` }],
          serviceAccountName: "kube-proxy",
        },
        node: n.name,
        hostNetwork: true,
      }),
    );
  }
  return pods;
}

function putApp(put: Put, now: number, app: App, appIndex: number, podsSoFar: number): DemoPod[] {
  const createdAt = now - (7 + appIndex) * DAY;
  const template: k8s.PodTemplate = {
    labels: { "app.kubernetes.io/name": app.name },
    containers: [{ name: app.name, image: app.image, port: app.port }],
  };
  const deploymentMeta = demoMeta("Deployment", app.name, app.namespace, createdAt, {
    generation: 3,
    labels: template.labels,
    annotations: { "deployment.kubernetes.io/revision": "3" },
  });
  put(
    `/registry/deployments/${app.namespace}/${app.name}`,
    k8s.deployment(deploymentMeta, app.replicas, template),
  );
  const rsName = `${app.name}-${k8sSuffix(`rs/${app.name}`, 10)}`;
  const rsMeta = demoMeta("ReplicaSet", rsName, app.namespace, createdAt + 2 * DAY, {
    labels: template.labels,
    owner: { apiVersion: "apps/v1", kind: "Deployment", name: app.name, uid: deploymentMeta.uid },
  });
  put(
    `/registry/replicasets/${app.namespace}/${rsName}`,
    k8s.replicaSet(rsMeta, app.replicas, template),
  );

  const pods: DemoPod[] = [];
  const addresses: Array<{ ip: string; nodeName: string; podName: string }> = [];
  for (let replica = 0; replica < app.replicas; replica++) {
    const index = podsSoFar + replica;
    const pod = putPod(put, {
      namespace: app.namespace,
      name: `${rsName}-${k8sSuffix(`pod/${rsName}/${replica}`, 5)}`,
      app: app.name,
      createdAt: now - (2 + replica) * HOUR,
      labels: template.labels,
      owner: { apiVersion: "apps/v1", kind: "ReplicaSet", name: rsName, uid: rsMeta.uid },
      template,
      // Workloads spread over the two workers.
      node: index % 2 === 0 ? "worker-1" : "worker-2",
      podIndex: index,
    });
    pods.push(pod);
    addresses.push({ ip: podIP(pod.node, index), nodeName: pod.node, podName: pod.name });
  }

  const serviceName = app.service ?? app.name;
  put(
    `/registry/services/specs/${app.namespace}/${serviceName}`,
    k8s.service(demoMeta("Service", serviceName, app.namespace, createdAt), {
      clusterIP: `10.96.${1 + appIndex}.${10 + appIndex}`,
      port: app.port === 53 ? 53 : 80,
      targetPort: app.port,
      selector: template.labels,
    }),
  );
  put(
    `/registry/services/endpoints/${app.namespace}/${serviceName}`,
    k8s.endpoints(
      demoMeta("Endpoints", serviceName, app.namespace, createdAt),
      app.port,
      addresses,
    ),
  );
  return pods;
}

function putDefaultKubernetesService(put: Put, now: number): void {
  const birth = now - CLUSTER_AGE_MS;
  put(
    "/registry/services/specs/default/kubernetes",
    k8s.service(demoMeta("Service", "kubernetes", "default", birth), {
      clusterIP: "10.96.0.1",
      port: 443,
      targetPort: 6443,
      selector: {},
    }),
  );
  put(
    "/registry/services/endpoints/default/kubernetes",
    k8s.endpoints(demoMeta("Endpoints", "kubernetes", "default", birth), 6443, [
      { ip: "192.168.49.2", nodeName: "cp-1", podName: "kube-apiserver-cp-1" },
    ]),
  );
}

function putPod(
  put: Put,
  pod: {
    namespace: string;
    name: string;
    app: string;
    createdAt: number;
    labels: Record<string, string>;
    owner?: k8s.ObjectMeta["owner"];
    template: k8s.PodTemplate;
    node: string;
    /** Static and kube-proxy pods use the node's address. */
    hostNetwork?: boolean;
    podIndex?: number;
  },
): DemoPod {
  const node = NODES.find((n) => n.name === pod.node);
  if (node === undefined) throw new Error(`demo pod ${pod.name} on unknown node ${pod.node}`);
  const meta = demoMeta("Pod", pod.name, pod.namespace, pod.createdAt, {
    labels: pod.labels,
    owner: pod.owner,
  });
  put(
    `/registry/pods/${pod.namespace}/${pod.name}`,
    k8s.pod(meta, pod.template, {
      nodeName: node.name,
      hostIP: node.ip,
      podIP: pod.hostNetwork ? node.ip : podIP(node.name, pod.podIndex ?? 0),
      phase: "Running",
    }),
  );
  return { namespace: pod.namespace, name: pod.name, uid: meta.uid, node: node.name, app: pod.app };
}

function podIP(nodeName: string, index: number): string {
  const nodeIndex = NODES.findIndex((n) => n.name === nodeName);
  return `10.244.${nodeIndex}.${10 + index}`;
}
