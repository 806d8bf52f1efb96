import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DaemonSet, Deployment } from "kubernetes-models/apps/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import { Namespace, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

// Every object the two overlays render, validated against Kubernetes' OpenAPI schemas (the
// validators kubernetes-models generates from them), then checked for what the install needs:
// probes, selectors, Secrets, mounts and the Pod Security profile with its named exceptions.

type Obj = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [k: string]: unknown;
};

const here = path.join(process.cwd(), "deploy/kubernetes");
const models: Record<string, new (data: never) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "v1/ServiceAccount": ServiceAccount,
  "apps/v1/DaemonSet": DaemonSet,
  "apps/v1/Deployment": Deployment,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
};

const sortKey = (o: Obj) => `${o.kind}/${o.metadata.name}`;

/** kubectl's built-in kustomize, when this machine has kubectl. */
function kubectlRender(dir: string): Obj[] | undefined {
  const run = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", timeout: 60_000 });
  if (run.error || run.status !== 0) return undefined;
  return parseAllDocuments(run.stdout).map((d) => d.toJS() as Obj);
}

/**
 * The subset of kustomize these overlays use, for machines without kubectl: `resources`
 * (files and folders) and `namespace`. Any other field fails, so the overlays stay plain.
 */
function plainRender(dir: string): Obj[] {
  const k = parse(readFileSync(path.join(dir, "kustomization.yaml"), "utf8")) as Record<
    string,
    unknown
  >;
  const extra = Object.keys(k).filter(
    (f) => !["apiVersion", "kind", "namespace", "resources"].includes(f),
  );
  if (extra.length > 0)
    throw new Error(`${dir}: kustomization fields beyond the plain subset: ${extra}`);
  const out: Obj[] = [];
  for (const r of (k.resources as string[]) ?? []) {
    const p = path.join(dir, r);
    if (statSync(p).isDirectory()) out.push(...plainRender(p));
    else out.push(...parseAllDocuments(readFileSync(p, "utf8")).map((d) => d.toJS() as Obj));
  }
  if (typeof k.namespace === "string") {
    for (const o of out) if (o.kind !== "Namespace") o.metadata.namespace = k.namespace;
  }
  return out;
}

function render(overlay: string): Obj[] {
  const dir = path.join(here, "overlays", overlay);
  const plain = plainRender(dir).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const rendered = kubectlRender(dir);
  if (!rendered) return plain;
  // Where kustomize itself is at hand, the plain reading must agree with it.
  expect(rendered.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(plain);
  return rendered;
}

interface Container {
  name: string;
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  startupProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown> & {
    capabilities?: { drop?: string[]; add?: string[] };
  };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}
interface PodSpec {
  securityContext?: Record<string, unknown> & { seccompProfile?: { type: string } };
  containers: Container[];
  volumes?: ({ name: string } & Record<string, unknown>)[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
}
type Workload = Obj & {
  spec: { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } };
};

/**
 * What the `restricted` Pod Security profile (Kubernetes "Pod Security Standards") would refuse
 * in a pod, one line each.
 */
function restrictedViolations(pod: PodSpec): string[] {
  const v: string[] = [];
  const allowedVolumes = [
    "configMap",
    "csi",
    "downwardAPI",
    "emptyDir",
    "ephemeral",
    "persistentVolumeClaim",
    "projected",
    "secret",
  ];
  for (const vol of pod.volumes ?? []) {
    const type = Object.keys(vol).find((k) => k !== "name");
    if (!type || !allowedVolumes.includes(type)) v.push(`volume ${vol.name} is ${type}`);
  }
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) v.push("host namespaces");
  const podSc = pod.securityContext ?? {};
  for (const c of pod.containers) {
    const sc = c.securityContext ?? {};
    if (sc.privileged) v.push(`${c.name}: privileged`);
    if (sc.allowPrivilegeEscalation !== false) v.push(`${c.name}: allowPrivilegeEscalation`);
    if (!sc.capabilities?.drop?.includes("ALL")) v.push(`${c.name}: capabilities not dropped`);
    if ((sc.capabilities?.add ?? []).some((cap) => cap !== "NET_BIND_SERVICE"))
      v.push(`${c.name}: capabilities added`);
    if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) v.push(`${c.name}: runAsNonRoot`);
    if ((sc.runAsUser ?? podSc.runAsUser) === 0) v.push(`${c.name}: runAsUser 0`);
    const seccomp = (sc.seccompProfile as { type: string } | undefined) ?? podSc.seccompProfile;
    if (!seccomp || !["RuntimeDefault", "Localhost"].includes(seccomp.type))
      v.push(`${c.name}: seccomp`);
  }
  return v;
}

function workload(objects: Obj[], kind: string): Workload {
  const w = objects.find((o) => o.kind === kind);
  if (!w) throw new Error(`no ${kind}`);
  return w as Workload;
}

function checkCommon(objects: Obj[], w: Workload): Container {
  for (const o of objects) {
    const Model = models[`${o.apiVersion}/${o.kind}`];
    if (!Model) throw new Error(`no schema for ${o.apiVersion} ${o.kind}`);
    expect(() => new Model(o as never).validate(), sortKey(o)).not.toThrow();
    if (o.kind !== "Namespace") expect(o.metadata.namespace, sortKey(o)).toBe("raftscope");
  }
  const podLabels = w.spec.template.metadata.labels;
  const matches = (sel: Record<string, string>) =>
    Object.entries(sel).every(([k, v]) => podLabels[k] === v);
  const service = objects.find((o) => o.kind === "Service") as Obj & {
    spec: { selector: Record<string, string> };
  };
  expect(matches(service.spec.selector)).toBe(true);
  const policy = objects.find((o) => o.kind === "NetworkPolicy") as Obj & {
    spec: { podSelector: { matchLabels: Record<string, string> } };
  };
  expect(matches(policy.spec.podSelector.matchLabels)).toBe(true);

  const [c] = w.spec.template.spec.containers;
  if (!c) throw new Error("no container");
  expect(c.ports?.find((p) => p.name === "http")?.containerPort).toBe(3000);
  expect(c.readinessProbe?.httpGet).toEqual({ path: "/api/readyz", port: "http" });
  expect(c.livenessProbe?.httpGet).toEqual({ path: "/api/healthz", port: "http" });
  expect(c.resources?.requests?.memory).toBeDefined();
  expect(c.resources?.limits?.memory).toBeDefined();
  expect(c.securityContext?.readOnlyRootFilesystem).toBe(true);
  // Every Secret the pod reads is rendered (but the certificates, which operators create).
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    if (!ref) continue;
    const secret = objects.find(
      (o) => o.kind === "Secret" && o.metadata.name === ref.name,
    ) as Obj & { stringData: Record<string, string> };
    expect(secret?.stringData[ref.key], `${ref.name}/${ref.key}`).toBeDefined();
  }
  const mounted = new Set(c.volumeMounts?.map((m) => m.mountPath));
  expect(mounted.has("/data")).toBe(true);
  expect(c.env?.find((e) => e.name === "RAFTSCOPE_AUTH")?.value).toBe("token");
  return c;
}

// Spawns processes: slow on a loaded machine, never a measure of speed.
describe("deploy/kubernetes overlays", { timeout: 60_000 }, () => {
  it("kubeadm: a DaemonSet on control-plane nodes reading kubeadm's files read-only", () => {
    const objects = render("kubeadm");
    const ds = workload(objects, "DaemonSet");
    const c = checkCommon(objects, ds);
    const pod = ds.spec.template.spec as PodSpec & {
      nodeSelector: Record<string, string>;
      tolerations: { key: string; operator: string; effect: string }[];
    };
    expect(pod.nodeSelector).toEqual({ "node-role.kubernetes.io/control-plane": "" });
    expect(pod.tolerations).toContainEqual({
      key: "node-role.kubernetes.io/control-plane",
      operator: "Exists",
      effect: "NoSchedule",
    });

    const hostPaths = Object.fromEntries(
      (pod.volumes ?? [])
        .filter((v) => "hostPath" in v)
        .map((v) => [v.name, (v.hostPath as { path: string }).path]),
    );
    expect(Object.values(hostPaths).sort()).toEqual([
      "/etc/kubernetes/manifests",
      "/etc/kubernetes/pki/apiserver-etcd-client.crt",
      "/etc/kubernetes/pki/apiserver-etcd-client.key",
      "/etc/kubernetes/pki/etcd/ca.crt",
    ]);
    for (const [name, hostPath] of Object.entries(hostPaths)) {
      // Mounted read-only at the same path, where the preset looks for it.
      expect(c.volumeMounts).toContainEqual({ name, mountPath: hostPath, readOnly: true });
    }
    expect(c.env?.find((e) => e.name === "RAFTSCOPE_KUBEADM_ROOT")?.value).toBe("/etc/kubernetes");

    // restricted, but for the two exceptions that namespace.yaml names and justifies.
    expect(restrictedViolations(pod).sort()).toEqual(
      [
        ...Object.keys(hostPaths).map((n) => `volume ${n} is hostPath`),
        "raftscope: runAsNonRoot",
        "raftscope: runAsUser 0",
      ].sort(),
    );
    const ns = objects.find((o) => o.kind === "Namespace");
    expect(ns?.metadata.labels).toEqual({
      "pod-security.kubernetes.io/enforce": "privileged",
      "pod-security.kubernetes.io/warn": "restricted",
      "pod-security.kubernetes.io/audit": "restricted",
    });
    const justification = readFileSync(path.join(here, "overlays/kubeadm/namespace.yaml"), "utf8");
    expect(justification).toContain("hostPath");
    expect(justification).toContain("runAsUser 0");
  });

  it("external: a Deployment meeting the restricted profile, config and certificates from Secrets", () => {
    const objects = render("external");
    const deploy = workload(objects, "Deployment");
    const c = checkCommon(objects, deploy);
    const pod = deploy.spec.template.spec;
    expect(restrictedViolations(pod)).toEqual([]);
    expect(
      objects.find((o) => o.kind === "Namespace")?.metadata.labels?.[
        "pod-security.kubernetes.io/enforce"
      ],
    ).toBe("restricted");
    const config = c.env?.find((e) => e.name === "RAFTSCOPE_CONFIG")?.value ?? "";
    const configMount = c.volumeMounts?.find((m) => config.startsWith(`${m.mountPath}/`));
    const configVolume = pod.volumes?.find((v) => v.name === configMount?.name) as
      | { secret?: { secretName: string } }
      | undefined;
    const configSecret = objects.find(
      (o) => o.kind === "Secret" && o.metadata.name === configVolume?.secret?.secretName,
    ) as Obj & { stringData: Record<string, string> };
    const file = parse(configSecret.stringData[path.basename(config)] ?? "") as {
      clusters: { tls: Record<string, string> }[];
    };
    const certMounts = c.volumeMounts?.map((m) => m.mountPath) ?? [];
    for (const p of Object.values(file.clusters[0]?.tls ?? {})) {
      expect(
        certMounts.some((m) => p.startsWith(`${m}/`)),
        p,
      ).toBe(true);
    }
  });

  it("the schemas catch a wrong field type", () => {
    const ds = structuredClone(workload(render("kubeadm"), "DaemonSet"));
    (ds.spec.template.spec.containers[0]?.ports?.[0] as { containerPort: unknown }).containerPort =
      "3000";
    expect(() => new DaemonSet(ds as never).validate()).toThrow(/containerPort/);
  });
});
