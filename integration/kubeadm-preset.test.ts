import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../harness/etcd-cluster";
import { type ServerProcess, startServerProcess } from "./server-process";

// The kubeadm preset against a real cluster: a temporary root laid out as kubeadm lays out
// /etc/kubernetes (or as a hand-built node lays out its systemd units), holding the harness's
// real certificates and flags that point at the harness's members. No other setting is given.

let cluster: EtcdCluster;
let dir: string;
const servers: ServerProcess[] = [];

function podManifest(name: string, command: string[]): string {
  return [
    "apiVersion: v1",
    "kind: Pod",
    `metadata: { name: ${name}, namespace: kube-system }`,
    "spec:",
    "  containers:",
    "  - command:",
    ...command.map((c) => `    - ${c}`),
    `    image: registry.k8s.io/${name}`,
    `    name: ${name}`,
    "  hostNetwork: true",
    "",
  ].join("\n");
}

async function startWith(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({
    script: path.resolve("scripts/start.mjs"),
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      RAFTSCOPE_DATA_DIR: mkdtempSync(path.join(dir, "data-")),
      ...env,
    },
  });
  servers.push(server);
  return server;
}

/** The first sweeps may not have found every member yet: wait for the whole cluster. */
async function expectHealthy(server: ServerProcess): Promise<void> {
  await server.waitFor("/api/readyz", { status: 200 });
  const until = Date.now() + 60_000;
  let health: { status?: string; writable?: boolean; members?: unknown[] } = {};
  while (Date.now() < until) {
    health = await (await server.waitFor("/api/clusters/default/health", { status: 200 })).json();
    if (health.status === "healthy" && health.members?.length === cluster.members.length) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(health).toMatchObject({ status: "healthy", writable: true });
  expect(health.members).toHaveLength(cluster.members.length);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-kubeadm-"));
  cluster = await EtcdCluster.start({ size: 3, dir: path.join(dir, "cluster") });
});

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.kill("SIGTERM");
    await s.exited;
  }
});

afterAll(async () => {
  await cluster?.teardown({ removeData: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("kubeadm preset", () => {
  it("comes up from kubeadm's static pod manifests and pki on a stacked node", async () => {
    const root = path.join(dir, "etc-kubernetes");
    mkdirSync(path.join(root, "pki", "etcd"), { recursive: true });
    mkdirSync(path.join(root, "manifests"));
    cpSync(cluster.tlsFiles.ca, path.join(root, "pki/etcd/ca.crt"));
    cpSync(cluster.tlsFiles.cert, path.join(root, "pki/apiserver-etcd-client.crt"));
    cpSync(cluster.tlsFiles.key, path.join(root, "pki/apiserver-etcd-client.key"));
    const member = cluster.members[0];
    if (!member) throw new Error("no member");
    writeFileSync(
      path.join(root, "manifests/etcd.yaml"),
      podManifest("etcd", [
        "etcd",
        `--advertise-client-urls=${member.clientUrl}`,
        `--listen-client-urls=${member.clientUrl}`,
        "--name",
        member.name,
        "--client-cert-auth=true",
      ]),
    );
    writeFileSync(
      path.join(root, "manifests/kube-apiserver.yaml"),
      podManifest("kube-apiserver", ["kube-apiserver", `--etcd-servers=${member.clientUrl}`]),
    );

    const server = await startWith({ RAFTSCOPE_KUBEADM_ROOT: root });
    await expectHealthy(server);
    const log = server.output();
    expect(log).toContain(
      `watching default (from kubeadm preset: ${root}/manifests/etcd.yaml, ${root}/manifests/kube-apiserver.yaml)`,
    );
    expect(log).toContain(`etcd member ${member.name} advertises ${member.clientUrl}`);
    expect(log).toContain("topology stacked");
    expect(log).toContain(`client certificate from ${root}/pki`);
  });

  it("comes up from hand-written systemd units, flags in every form", async () => {
    const units = path.join(dir, "systemd");
    mkdirSync(units);
    const tls = cluster.tlsFiles;
    const [a, b, c] = cluster.endpoints;
    writeFileSync(
      path.join(units, "kube-apiserver.service"),
      [
        "[Unit]",
        "Description=Kubernetes API Server",
        "[Service]",
        "ExecStart=/usr/local/bin/kube-apiserver \\",
        `  --etcd-cafile=${tls.ca} \\`,
        `  --etcd-certfile ${tls.cert} \\`,
        "  # the client key of the API server",
        `  --etcd-keyfile="${tls.key}" \\`,
        `  --etcd-servers '${a},${b},${c}'`,
        "Restart=on-failure",
        "",
      ].join("\n"),
    );
    const server = await startWith({
      RAFTSCOPE_KUBEADM_ROOT: path.join(dir, "no-kubeadm-here"),
      RAFTSCOPE_SYSTEMD_DIR: units,
    });
    await expectHealthy(server);
    expect(server.output()).toContain(`kube-apiserver uses --etcd-servers=${a},${b},${c}`);
    expect(server.output()).toContain("topology external");
  });
});
