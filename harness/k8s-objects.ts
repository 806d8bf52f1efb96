import { k8sEnvelope } from "./k8s-storage";
import { encodeMessage, field, type ProtoWriter } from "./protobuf-fields";

// Field numbers follow k8s.io/api's generated.proto. Only the fields a demo needs are written,
// but each is where kube-apiserver would put it, so a real protobuf decoder reads them.

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  generation?: number;
  createdAt: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
}

export interface ContainerSpec {
  name: string;
  image: string;
  port?: number;
  args?: string[];
}

export interface PodTemplate {
  labels: Record<string, string>;
  containers: ContainerSpec[];
  serviceAccountName?: string;
}

type Write = (w: ProtoWriter) => void;

function object(apiVersion: string, kind: string, meta: ObjectMeta, ...rest: Write[]): Buffer {
  const raw = encodeMessage((w) => {
    field.message(w, 1, (m) => objectMeta(m, meta));
    for (const [i, write] of rest.entries()) field.message(w, i + 2, write);
  });
  return k8sEnvelope(apiVersion, kind, raw);
}

function objectMeta(w: ProtoWriter, meta: ObjectMeta): void {
  field.string(w, 1, meta.name);
  field.string(w, 3, meta.namespace);
  field.string(w, 5, meta.uid);
  field.int(w, 7, meta.generation);
  field.message(w, 8, (t) => time(t, meta.createdAt));
  field.map(w, 11, meta.labels);
  field.map(w, 12, meta.annotations);
  const owner = meta.owner;
  if (owner !== undefined) {
    field.message(w, 13, (o) => {
      field.string(o, 1, owner.kind);
      field.string(o, 3, owner.name);
      field.string(o, 4, owner.uid);
      field.string(o, 5, owner.apiVersion);
      field.bool(o, 6, true);
      field.bool(o, 7, true);
    });
  }
}

function time(w: ProtoWriter, epochMs: number): void {
  field.int(w, 1, Math.floor(epochMs / 1000));
  field.int(w, 2, (epochMs % 1000) * 1_000_000);
}

function labelSelector(w: ProtoWriter, matchLabels: Record<string, string>): void {
  field.map(w, 1, matchLabels);
}

function podSpec(w: ProtoWriter, template: PodTemplate, nodeName?: string): void {
  for (const container of template.containers) {
    field.message(w, 2, (c) => {
      field.string(c, 1, container.name);
      field.string(c, 2, container.image);
      field.strings(c, 4, container.args ?? []);
      if (container.port !== undefined) {
        const port = container.port;
        field.message(c, 6, (p) => {
          field.int(p, 3, port);
          field.string(p, 4, "TCP");
        });
      }
      field.string(c, 13, "/dev/termination-log");
      field.string(c, 14, "IfNotPresent");
    });
  }
  field.string(w, 3, "Always");
  field.int(w, 4, 30);
  field.string(w, 6, "ClusterFirst");
  field.string(w, 8, template.serviceAccountName ?? "default");
  field.string(w, 10, nodeName);
  field.string(w, 19, "default-scheduler");
}

function podTemplateSpec(w: ProtoWriter, template: PodTemplate): void {
  field.message(w, 1, (m) => field.map(m, 11, template.labels));
  field.message(w, 2, (s) => podSpec(s, template));
}

export function namespace(meta: ObjectMeta): Buffer {
  return object(
    "v1",
    "Namespace",
    meta,
    (spec) => field.string(spec, 1, "kubernetes"),
    (status) => field.string(status, 1, "Active"),
  );
}

export function serviceAccount(meta: ObjectMeta): Buffer {
  return object("v1", "ServiceAccount", meta);
}

export function configMap(meta: ObjectMeta, data: Record<string, string>): Buffer {
  const raw = encodeMessage((w) => {
    field.message(w, 1, (m) => objectMeta(m, meta));
    field.map(w, 2, data);
  });
  return k8sEnvelope("v1", "ConfigMap", raw);
}

export function secret(meta: ObjectMeta, type: string, data: Record<string, string>): Buffer {
  const raw = encodeMessage((w) => {
    field.message(w, 1, (m) => objectMeta(m, meta));
    const bytes = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v)]));
    field.map(w, 2, bytes);
    field.string(w, 3, type);
  });
  return k8sEnvelope("v1", "Secret", raw);
}

export function deployment(meta: ObjectMeta, replicas: number, template: PodTemplate): Buffer {
  return object(
    "apps/v1",
    "Deployment",
    meta,
    (spec) => {
      field.int(spec, 1, replicas);
      field.message(spec, 2, (s) => labelSelector(s, template.labels));
      field.message(spec, 3, (t) => podTemplateSpec(t, template));
      field.message(spec, 4, (s) => field.string(s, 1, "RollingUpdate"));
      field.int(spec, 6, 10);
      field.int(spec, 9, 600);
    },
    (status) => {
      field.int(status, 1, meta.generation ?? 1);
      field.int(status, 2, replicas);
      field.int(status, 3, replicas);
      field.int(status, 4, replicas);
      field.int(status, 7, replicas);
    },
  );
}

export function replicaSet(meta: ObjectMeta, replicas: number, template: PodTemplate): Buffer {
  return object(
    "apps/v1",
    "ReplicaSet",
    meta,
    (spec) => {
      field.int(spec, 1, replicas);
      field.message(spec, 2, (s) => labelSelector(s, template.labels));
      field.message(spec, 3, (t) => podTemplateSpec(t, template));
    },
    (status) => {
      field.int(status, 1, replicas);
      field.int(status, 2, replicas);
      field.int(status, 3, meta.generation ?? 1);
      field.int(status, 4, replicas);
      field.int(status, 5, replicas);
    },
  );
}

export function pod(
  meta: ObjectMeta,
  template: PodTemplate,
  placement: { nodeName: string; hostIP: string; podIP: string; phase: string },
): Buffer {
  return object(
    "v1",
    "Pod",
    meta,
    (spec) => podSpec(spec, template, placement.nodeName),
    (status) => {
      field.string(status, 1, placement.phase);
      field.message(status, 2, (c) => {
        field.string(c, 1, "Ready");
        field.string(c, 2, placement.phase === "Running" ? "True" : "False");
        field.message(c, 4, (t) => time(t, meta.createdAt + 9_000));
      });
      field.string(status, 5, placement.hostIP);
      field.string(status, 6, placement.podIP);
      field.message(status, 7, (t) => time(t, meta.createdAt + 1_000));
      field.string(status, 9, "BestEffort");
    },
  );
}

export function service(
  meta: ObjectMeta,
  spec: { clusterIP: string; port: number; targetPort: number; selector: Record<string, string> },
): Buffer {
  return object("v1", "Service", meta, (w) => {
    field.message(w, 1, (p) => {
      field.string(p, 1, "http");
      field.string(p, 2, "TCP");
      field.int(p, 3, spec.port);
      field.message(p, 4, (target) => {
        field.int(target, 1, 0);
        field.int(target, 2, spec.targetPort);
      });
    });
    field.map(w, 2, spec.selector);
    field.string(w, 3, spec.clusterIP);
    field.string(w, 4, "ClusterIP");
  });
}

export function endpoints(
  meta: ObjectMeta,
  port: number,
  addresses: Array<{ ip: string; nodeName: string; podName: string }>,
): Buffer {
  const raw = encodeMessage((w) => {
    field.message(w, 1, (m) => objectMeta(m, meta));
    field.message(w, 2, (subset) => {
      for (const address of addresses) {
        field.message(subset, 1, (a) => {
          field.string(a, 1, address.ip);
          field.message(a, 2, (ref) => {
            field.string(ref, 1, "Pod");
            field.string(ref, 2, meta.namespace);
            field.string(ref, 3, address.podName);
          });
          field.string(a, 4, address.nodeName);
        });
      }
      field.message(subset, 3, (p) => {
        field.string(p, 1, "http");
        field.int(p, 2, port);
        field.string(p, 3, "TCP");
      });
    });
  });
  return k8sEnvelope("v1", "Endpoints", raw);
}

export function lease(
  meta: ObjectMeta,
  spec: { holder: string; durationSeconds: number; renewedAt: number; transitions: number },
): Buffer {
  return object("coordination.k8s.io/v1", "Lease", meta, (w) => {
    field.string(w, 1, spec.holder);
    field.int(w, 2, spec.durationSeconds);
    field.message(w, 3, (t) => time(t, meta.createdAt));
    field.message(w, 4, (t) => time(t, spec.renewedAt));
    field.int(w, 5, spec.transitions);
  });
}

export function event(
  meta: ObjectMeta,
  spec: {
    involved: { kind: string; name: string; uid: string; apiVersion: string };
    reason: string;
    message: string;
    component: string;
    host?: string;
    type: "Normal" | "Warning";
    count: number;
  },
): Buffer {
  const raw = encodeMessage((w) => {
    field.message(w, 1, (m) => objectMeta(m, meta));
    field.message(w, 2, (ref) => {
      field.string(ref, 1, spec.involved.kind);
      field.string(ref, 2, meta.namespace);
      field.string(ref, 3, spec.involved.name);
      field.string(ref, 4, spec.involved.uid);
      field.string(ref, 5, spec.involved.apiVersion);
    });
    field.string(w, 3, spec.reason);
    field.string(w, 4, spec.message);
    field.message(w, 5, (source) => {
      field.string(source, 1, spec.component);
      field.string(source, 2, spec.host);
    });
    field.message(w, 6, (t) => time(t, meta.createdAt));
    field.message(w, 7, (t) => time(t, meta.createdAt + (spec.count - 1) * 30_000));
    field.int(w, 8, spec.count);
    field.string(w, 9, spec.type);
  });
  return k8sEnvelope("v1", "Event", raw);
}

export function node(
  meta: ObjectMeta,
  spec: { podCIDR: string; internalIP: string; kubeletVersion: string },
): Buffer {
  return object(
    "v1",
    "Node",
    meta,
    (w) => field.string(w, 1, spec.podCIDR),
    (status) => {
      field.message(status, 4, (c) => {
        field.string(c, 1, "Ready");
        field.string(c, 2, "True");
      });
      field.message(status, 5, (a) => {
        field.string(a, 1, "InternalIP");
        field.string(a, 2, spec.internalIP);
      });
      field.message(status, 7, (info) => {
        field.string(info, 4, "6.1.0-28-amd64");
        field.string(info, 5, "Debian GNU/Linux 12 (bookworm)");
        field.string(info, 6, "containerd://1.7.24");
        field.string(info, 7, spec.kubeletVersion);
        field.string(info, 9, "linux");
        field.string(info, 10, "amd64");
      });
    },
  );
}

export function clusterRole(
  meta: ObjectMeta,
  rules: Array<{ verbs: string[]; apiGroups: string[]; resources: string[] }>,
): Buffer {
  const raw = encodeMessage((w) => {
    field.message(w, 1, (m) => objectMeta(m, meta));
    for (const rule of rules) {
      field.message(w, 2, (r) => {
        field.strings(r, 1, rule.verbs);
        field.strings(r, 2, rule.apiGroups);
        field.strings(r, 3, rule.resources);
      });
    }
  });
  return k8sEnvelope("rbac.authorization.k8s.io/v1", "ClusterRole", raw);
}

export function rangeAllocation(meta: ObjectMeta, range: string, bitmap: Uint8Array): Buffer {
  const raw = encodeMessage((w) => {
    field.message(w, 1, (m) => objectMeta(m, meta));
    field.string(w, 2, range);
    field.bytes(w, 3, bitmap);
  });
  return k8sEnvelope("v1", "RangeAllocation", raw);
}
