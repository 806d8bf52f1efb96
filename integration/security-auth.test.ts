import { execFileSync } from "node:child_process";
import { randomBytes, scryptSync } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { EtcdCluster } from "../harness/etcd-cluster";
import { apiErrorSchema } from "../lib/api/error-response";
import { scryptHashSchema } from "../lib/auth/scrypt-hash";
import { SessionSigner } from "../lib/server/auth/session-signer";
import { TokenVerifier } from "../lib/server/auth/token-verifier";
import { type Answer, call, type StartedServer, startProductionServer } from "./security-support";

// Logins, sessions, proxy mode and client keys, through the production server (npm start).

const TOKEN = "security-auth-token-Zk3v9Qp2Lx7Tn4Rw";
const SESSION_SECRET = "session-secret-for-the-security-test-0123456789";

let cluster: EtcdCluster;
let dir: string;
let configPath: string;
let hash: string;
const servers: StartedServer[] = [];

async function start(env: Record<string, string>, config = configPath): Promise<StartedServer> {
  const server = await startProductionServer({
    RAFTSCOPE_CONFIG: config,
    RAFTSCOPE_DATA_DIR: path.join(dir, `data-${servers.length}`),
    ...env,
  });
  servers.push(server);
  return server;
}

function logIn(server: StartedServer, from: string, token: string): Promise<Answer> {
  return call(server.url, "/api/auth/login", {
    from,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-security-auth-"));
  cluster = await EtcdCluster.start({ size: 1, dir });
  mkdirSync(path.join(dir, "dashboard"));
  configPath = path.join(dir, "dashboard", "raftscope.yaml");
  writeDashboardConfig(configPath, cluster);
  const salt = randomBytes(16);
  const derived = scryptSync(TOKEN, salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64");
  hash = `scrypt$16384$8$1$${salt.toString("base64")}$${derived}`;
});

afterAll(async () => {
  for (const s of servers) await s.stop();
  await cluster?.teardown({ removeData: true });
});

describe("token mode", () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await start({
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_HASH: hash,
      RAFTSCOPE_SESSION_SECRET: SESSION_SECRET,
    });
  });

  it("checks 5 of 300 simultaneous wrong logins from one address and refuses the rest", async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => logIn(server, "127.0.0.5", "wrong-token-guess")),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(295);
  });

  it("keeps a logged-in browser working while its address is locked out", async () => {
    const ok = await logIn(server, "127.0.0.6", TOKEN);
    const cookie = String(ok.headers["set-cookie"]).split(";")[0] ?? "";
    for (let i = 0; i < 5; i++)
      expect((await logIn(server, "127.0.0.6", "wrong")).status).toBe(401);
    expect((await logIn(server, "127.0.0.6", TOKEN)).status).toBe(429);
    const headers = { cookie };
    expect((await call(server.url, "/api/clusters", { from: "127.0.0.6", headers })).status).toBe(
      200,
    );
    expect((await call(server.url, "/", { from: "127.0.0.6", headers })).status).toBe(200);
  });

  it("answers a request target that is not a path with 400, never 500", async () => {
    for (const target of ["*", "http://evil.example/"]) {
      const answer = await call(server.url, target);
      expect(answer.status, target).toBe(400);
      expect(answer.body).toMatch(/paths that start with \//);
    }
  });

  it("counts a wrong Bearer token on GET /login once", async () => {
    const from = "127.0.0.7";
    const page = await call(server.url, "/login", {
      from,
      headers: { authorization: "Bearer wrong-bearer-token-guess" },
    });
    expect(page.status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await logIn(server, from, "wrong")).status).toBe(401);
    expect((await logIn(server, from, "wrong")).status).toBe(429);
  });

  it("closes an event stream when its session expires", async () => {
    const fingerprint = TokenVerifier.fromHash(scryptHashSchema.parse(hash)).fingerprint;
    const now = Date.now();
    const cookie = new SessionSigner(SESSION_SECRET, fingerprint).sign({
      v: 1,
      user: "token user",
      issuedAt: now,
      expiresAt: now + 4_000,
    });
    const res = await fetch(`${server.url}/api/clusters/demo/stream`, {
      headers: { cookie: `raftscope_session=${cookie}` },
      signal: AbortSignal.timeout(40_000),
    });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    let ended = false;
    try {
      for (;;) {
        const { done } = (await reader?.read()) ?? { done: true };
        if (done) {
          ended = true;
          break;
        }
      }
    } catch {
      ended = false;
    }
    expect(ended).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(now + 4_000);
  });

  it("says at start-up how to make each client's own address count", () => {
    expect(server.output()).toMatch(/list its address in RAFTSCOPE_AUTH_PROXY_ADDRESSES/);
  });
});

describe("proxy mode without a trusted identity", () => {
  it("answers one clear page instead of bouncing between / and /login", async () => {
    const server = await start({
      RAFTSCOPE_AUTH: "proxy",
      RAFTSCOPE_AUTH_PROXY_ADDRESSES: "127.0.0.2",
    });
    for (const target of ["/", "/clusters/demo", "/login", "/login?next=%2F"]) {
      const res = await call(server.url, target, { from: "127.0.0.1" });
      expect(res.headers.location, target).toBeUndefined();
      expect(res.body, target).toMatch(/Not signed in/);
      expect(res.body, target).toMatch(/X-Forwarded-User|x-forwarded-user/);
    }
    const page = await call(server.url, "/", { from: "127.0.0.1" });
    expect(page.status).toBe(401);
  });
});

describe("a passphrase-protected client key", () => {
  it("is named at start-up, answers 503 on key routes, and works with its passphrase file", async () => {
    const tls = cluster.tlsFiles;
    const encrypted = path.join(dir, "client-encrypted.key");
    const passphrase = "correct horse battery staple";
    execFileSync("openssl", [
      "pkcs8",
      "-topk8",
      "-in",
      tls.key,
      "-out",
      encrypted,
      "-passout",
      `pass:${passphrase}`,
      "-v2",
      "aes-256-cbc",
    ]);
    const passFile = path.join(dir, "key-passphrase");
    writeFileSync(passFile, `${passphrase}\n`, { mode: 0o600 });
    const config = (extra: Record<string, string>) => {
      const file = path.join(dir, `passphrase-${Object.keys(extra).length}.yaml`);
      writeFileSync(
        file,
        stringify({
          clusters: [
            { id: "demo", endpoints: cluster.endpoints, tls: { ...tls, key: encrypted, ...extra } },
          ],
        }),
      );
      return file;
    };

    const without = await start({}, config({}));
    expect(without.output()).toContain(encrypted);
    expect(without.output()).toMatch(/passphrase-protected/);
    const res = await call(without.url, "/api/clusters/demo/keys/value?key=%2Fa");
    expect(res.status).toBe(503);
    const error = apiErrorSchema.parse(JSON.parse(res.body)).error;
    expect(error.code).toBe("TLS_UNUSABLE");
    expect(error.message).toMatch(/passphrase-protected/);
    expect(error.message).not.toContain(passphrase);
    expect(without.output()).not.toMatch(/unexpected error in route/);
    await without.stop();

    const withFile = await start({}, config({ keyPassphraseFile: passFile }));
    const ok = await call(withFile.url, "/api/clusters/demo/keys/value?key=%2Fno-such-key");
    expect(ok.status).toBe(404);
    expect(withFile.output()).not.toContain(passphrase);
  });
});
