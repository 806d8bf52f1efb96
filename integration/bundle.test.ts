import { spawnSync } from "node:child_process";
import { randomBytes, scryptSync } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../harness/etcd-cluster";
import { formatScryptHash, scryptDefaults } from "../lib/auth/scrypt-hash";
import { type DockerRuntime, dockerRuntime } from "./dockerfile-runtime";
import { readStreamUntil, type ServerProcess, startServerProcess } from "./server-process";

// The production bundle (`npm run build` leaves it in .next/standalone) copied to an empty
// folder and run there as the container image runs it (read from the Dockerfile): its command,
// uid, environment and health check, from a folder it cannot write, with only the data
// directory writable. Nothing from the source tree or its node_modules is reachable from there.

const image: DockerRuntime = dockerRuntime(path.resolve("Dockerfile"));
const TOKEN = "bundle-test-token-0123456789";
let cluster: EtcdCluster;
let dir: string;
let app: string;
let dataDir: string;
let server: ServerProcess | undefined;

function tokenHash(token: string): string {
  const { N, r, p, saltBytes, keyBytes } = scryptDefaults;
  const salt = randomBytes(saltBytes);
  const key = scryptSync(token, salt, keyBytes, { N, r, p, maxmem: 256 * N * r });
  return formatScryptHash({ N, r, p, salt: salt.toString("base64"), hash: key.toString("base64") });
}

function chmodTree(p: string, strip: number): void {
  const s = statSync(p);
  chmodSync(p, s.mode & 0o7777 & ~strip);
  if (s.isDirectory()) for (const e of readdirSync(p)) chmodTree(path.join(p, e), strip);
}

beforeAll(async () => {
  const bundle = path.resolve(".next/standalone");
  if (!existsSync(path.join(bundle, "server.mjs"))) {
    throw new Error(`no bundle in ${bundle}: run \`npm run build\` first`);
  }
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-bundle-"));
  chmodSync(dir, 0o711);
  cluster = await EtcdCluster.start({ size: 1, dir: path.join(dir, "cluster") });

  app = path.join(dir, "app");
  cpSync(bundle, app, { recursive: true, verbatimSymlinks: true });
  chmodTree(app, 0o222); // read-only for everyone, the owner (root) included
  // The certificates as a Secret mounts them: readable by the server's uid only.
  const certs = path.join(dir, "certs");
  mkdirSync(certs, { mode: 0o700 });
  for (const [name, file] of Object.entries(cluster.tlsFiles)) {
    cpSync(file, path.join(certs, name), { mode: 0 });
    chmodSync(path.join(certs, name), 0o400);
    chownSync(path.join(certs, name), image.uid, image.gid);
  }
  chownSync(certs, image.uid, image.gid);
  dataDir = path.join(dir, "data");
  mkdirSync(dataDir, { mode: 0o700 });
  chownSync(dataDir, image.uid, image.gid);

  const [command, script, ...args] = image.cmd;
  server = await startServerProcess({
    command,
    script: script ?? "",
    args,
    cwd: app,
    uid: image.uid,
    gid: image.gid,
    // The image's environment, plus a cluster and a login token. The data directory is a
    // temporary one, and the address loopback (-H) where the image listens on 0.0.0.0.
    env: {
      PATH: "/usr/local/bin:/usr/bin:/bin",
      HOME: "/nonexistent",
      ...image.env,
      RAFTSCOPE_DATA_DIR: dataDir,
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_HASH: tokenHash(TOKEN),
      ETCDCTL_ENDPOINTS: cluster.endpoints[0] ?? "",
      ETCDCTL_CACERT: path.join(certs, "ca"),
      ETCDCTL_CERT: path.join(certs, "cert"),
      ETCDCTL_KEY: path.join(certs, "key"),
    },
  });
});

afterAll(async () => {
  server?.kill("SIGKILL");
  await cluster?.teardown({ removeData: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const auth = { authorization: `Bearer ${TOKEN}` };

describe("the production bundle, copied and run alone", () => {
  it("needs nothing outside its folder", () => {
    const pkg = path.join(app, "node_modules");
    expect(existsSync(path.join(pkg, "next/package.json"))).toBe(true);
    expect(existsSync(path.join(pkg, "etcd3/proto/rpc.proto"))).toBe(true);
    // Next's own server.js would serve without the peer stamp; the bundle starts server.mjs.
    expect(existsSync(path.join(app, "server.js"))).toBe(false);
  });

  it("answers the probes without a login, revealing only ok / not ok", async () => {
    const s = server as ServerProcess;
    const ready = await s.waitFor("/api/readyz", { status: 200 });
    expect(await ready.json()).toEqual({ status: "ok" });
    const live = await s.waitFor("/api/healthz", { status: 200 });
    expect(await live.json()).toEqual({ status: "ok" });
    // Everything else still needs the token.
    expect((await fetch(`${s.url}/api/clusters`)).status).toBe(401);
    // The image's HEALTHCHECK command, as Docker runs it inside the container.
    const [cmd, ...args] = image.healthcheck;
    const check = spawnSync(cmd === "node" ? process.execPath : (cmd ?? ""), args, {
      env: { NODE_ENV: "production", ...image.env, PORT: new URL(s.url).port },
      timeout: 30_000,
    });
    expect(check.status).toBe(0);
  });

  it("serves the pages, the API and the stream", async () => {
    const s = server as ServerProcess;
    const clusters = await (
      await s.waitFor("/api/clusters", { status: 200, headers: auth })
    ).json();
    expect(clusters).toMatchObject([{ id: "default", writable: true }]);
    const page = await fetch(`${s.url}/clusters/default`, { headers: auth });
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${s.url}${script}`)).status).toBe(200);
    const icon = await fetch(`${s.url}/icon.svg`);
    expect(icon.status).toBe(200);
    const stream = await fetch(`${s.url}/api/clusters/default/stream`, { headers: auth });
    const { seen, reader } = await readStreamUntil(stream, "event: health");
    expect(seen).toContain('"clusterId"');
    await reader.cancel();
  });

  it("drains on SIGTERM: the open stream ends cleanly, the event log is closed, exit 0", async () => {
    const s = server as ServerProcess;
    const stream = await fetch(`${s.url}/api/clusters/default/stream`, { headers: auth });
    const { reader } = await readStreamUntil(stream, "event: health");
    s.kill("SIGTERM");
    // The stream ends (done), not with a reset connection.
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    expect(await s.exited).toBe(0);
    const lines = s.output().trim().split("\n");
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const r of records)
      expect(Object.keys(r).slice(0, 3)).toEqual(["time", "level", "message"]);
    const messages = records.map((r) => r.message);
    expect(messages).toContain("SIGTERM: draining");
    expect(records).toContainEqual(
      expect.objectContaining({
        message: "poller stopped; event log synced and closed",
        cluster: "default",
      }),
    );
    expect(messages).toContain("keyspace indexes stopped");
    expect(messages).toContain("drained; exiting");
    // Nothing was written outside the data directory, and no secret reached the log.
    expect(s.output()).not.toMatch(/EROFS|EACCES|BEGIN [A-Z ]*KEY|scrypt\$/);
    expect(s.output()).not.toContain(TOKEN);
    const events = readFileSync(path.join(dataDir, "clusters/default/events.jsonl"), "utf8");
    expect(events === "" || events.endsWith("\n")).toBe(true);
  });
});
