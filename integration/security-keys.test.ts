import { randomBytes, scryptSync } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Etcd3 } from "etcd3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import * as k8s from "../harness/k8s-objects";
import { keyValueSchema } from "../lib/keys/key-api";
import { keyToPath } from "../lib/keys/key-path";
import { type Answer, call, type StartedServer, startProductionServer } from "./security-support";

// Secrets, URL caps and answers of the key routes, through the production server (npm start).

const TOKEN = "security-keys-token-Zk3v9Qp2Lx7Tn4Rw";
const PW_OLD = "old-password-0123456789";
const PW = "hunter2-current-password";
const JSON_PW = "json-stored-password-42";

let cluster: EtcdCluster;
let admin: Etcd3;
let server: StartedServer;
let dataDir: string;
let cookie = "";
let oldRevision = 0;

function get(target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return call(server.url, target, { headers: { cookie, ...headers } });
}

function readKey(key: string, extra = ""): Promise<Answer> {
  return get(`/api/clusters/demo/keys/value?key=${encodeURIComponent(key)}${extra}`);
}

function expectNoSecret(text: string, ...secrets: string[]) {
  for (const s of secrets) {
    expect(text).not.toContain(s);
    expect(text).not.toContain(btoa(s));
    expect(text).not.toContain(Buffer.from(s).toString("hex"));
  }
}

const meta = (name: string) => ({
  name,
  namespace: "team-a",
  uid: "0b8a5f4e-0000-4000-a000-00000000000a",
  createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  labels: { app: name },
});

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-security-keys-"));
  cluster = await EtcdCluster.start({ size: 1, dir });
  admin = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles);
  const put = (k: string, v: string | Buffer) => admin.put(k).value(v).exec();
  const first = await put(
    "/custom-root/secrets/team-a/db",
    k8s.secret(meta("db"), "Opaque", { password: PW_OLD }),
  );
  oldRevision = Number(first.header.revision);
  await put(
    "/custom-root/secrets/team-a/db",
    k8s.secret(meta("db"), "Opaque", { password: PW, username: "app" }),
  );
  await put(
    "/apps/team-a/db-secret",
    JSON.stringify({
      kind: "Secret",
      apiVersion: "v1",
      metadata: { name: "db-json", namespace: "team-a" },
      type: "Opaque",
      data: { password: btoa(JSON_PW) },
    }),
  );
  await put("/app/creds/token", "plain-credential-value");
  await put("/plain/page.html", "<html><script>alert(1)</script></html>");
  await put("/plain/deep.json", `${"[".repeat(60_000)}${"]".repeat(60_000)}`);

  const dash = path.join(dir, "dashboard");
  mkdirSync(dash);
  const configPath = path.join(dash, "raftscope.yaml");
  writeDashboardConfig(configPath, cluster);
  dataDir = path.join(dash, "data");
  const salt = randomBytes(16);
  const hash = scryptSync(TOKEN, salt, 32, { N: 16384, r: 8, p: 1 }).toString("base64");
  server = await startProductionServer({
    RAFTSCOPE_CONFIG: configPath,
    RAFTSCOPE_DATA_DIR: dataDir,
    RAFTSCOPE_AUTH: "token",
    RAFTSCOPE_AUTH_TOKEN_HASH: `scrypt$16384$8$1$${salt.toString("base64")}$${hash}`,
    RAFTSCOPE_REDACT_PATTERNS: "/app/creds/",
  });
  const login = await call(server.url, "/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: TOKEN }),
  });
  expect(login.status).toBe(200);
  cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
});

afterAll(async () => {
  await server?.stop();
  admin?.close();
  await cluster?.teardown({ removeData: true });
});

describe("Secrets are recognised by what they are", () => {
  it("redacts a protobuf Secret under another root in every view, and shows its identity", async () => {
    const key = "/custom-root/secrets/team-a/db";
    for (const extra of [
      "",
      "&format=binary",
      "&format=text",
      "&format=kubernetes",
      `&revision=${oldRevision}`,
    ]) {
      const res = await readKey(key, extra);
      expect(res.status, extra).toBe(200);
      expectNoSecret(res.body, PW, PW_OLD);
      const value = keyValueSchema.parse(JSON.parse(res.body));
      expect(value).toMatchObject({
        redacted: true,
        redactedBecause: "kubernetes-secret",
        decoded: null,
      });
      expect(value.secret).toMatchObject({
        apiVersion: "v1",
        kind: "Secret",
        namespace: "team-a",
        name: "db",
        type: "Opaque",
        labels: [{ name: "app", value: "db", size: 2 }],
      });
    }
    const current = keyValueSchema.parse(JSON.parse((await readKey(key)).body));
    expect(current.secret?.data).toEqual([
      { key: "password", size: PW.length },
      { key: "username", size: 3 },
    ]);
    const raw = await get(`/api/clusters/demo/keys/raw?key=${encodeURIComponent(key)}`);
    expect(raw.status).toBe(403);
    expectNoSecret(raw.body, PW);
    const old = await get(
      `/api/clusters/demo/keys/raw?key=${encodeURIComponent(key)}&revision=${oldRevision}`,
    );
    expect(old.status).toBe(403);
  });

  it("redacts a JSON Secret under any key, in values and search results", async () => {
    const res = await readKey("/apps/team-a/db-secret", "&format=binary");
    expectNoSecret(res.body, JSON_PW);
    expect(keyValueSchema.parse(JSON.parse(res.body)).secret).toMatchObject({
      name: "db-json",
      data: [{ key: "password", size: JSON_PW.length }],
    });
    const search = await get(
      `/api/clusters/demo/keys?prefix=${encodeURIComponent("/apps/")}&separator=`,
    );
    expect(search.status).toBe(200);
    expect(search.body).toContain("db-secret");
    expectNoSecret(search.body, JSON_PW);
    expect((await get("/api/clusters/demo/keys/raw?key=%2Fapps%2Fteam-a%2Fdb-secret")).status).toBe(
      403,
    );
  });

  it("reads a pattern entry ending in / as a prefix", async () => {
    const value = keyValueSchema.parse(JSON.parse((await readKey("/app/creds/token")).body));
    expect(value).toMatchObject({ redacted: true, redactedBecause: "key-pattern", decoded: null });
    expect((await get("/api/clusters/demo/keys/raw?key=%2Fapp%2Fcreds%2Ftoken")).status).toBe(403);
  });
});

describe("answers of the key routes", () => {
  it("keeps the raw download's own strict CSP", async () => {
    const raw = await get("/api/clusters/demo/keys/raw?key=%2Fplain%2Fpage.html");
    expect(raw.status).toBe(200);
    const csp = String(raw.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("sandbox");
    expect(csp).not.toContain("script-src");
  });

  it("shows JSON nested 60,000 deep as text instead of failing", async () => {
    const res = await readKey("/plain/deep.json");
    expect(res.status).toBe(200);
    const value = keyValueSchema.parse(JSON.parse(res.body));
    expect(value.decoded?.format).toBe("text");
  });

  it("creates the event log and its state readable by the server's user alone", () => {
    const dir = path.join(dataDir, "clusters", "demo");
    for (const file of readdirSync(dir)) {
      expect(statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);
    }
  });
});

describe("URL caps", () => {
  const page = (segments: number, width: number) =>
    `/clusters/demo/keys/${keyToPath(Buffer.from(`${"s".repeat(width - 1)}/`.repeat(segments)))}`;

  it("refuses paths and keys over the caps with a quick 4xx naming the cap", async () => {
    const deep = await get(page(7_000, 2));
    expect(deep.status).toBe(414);
    expect(deep.body).toMatch(/at most 256 levels/);
    const long = await readKey("k".repeat(9_000));
    expect(long.status).toBe(400);
    expect(long.body).toMatch(/at most 8192 bytes/);
  });

  it("answers a path with a malformed escape 400 naming it, on pages and the API", async () => {
    for (const bad of [
      "/clusters/demo/keys/~/%ZZ",
      "/clusters/demo/keys/~/%ZZ/..%2F..%2Fetc/passwd",
    ]) {
      const res = await get(bad);
      expect(res.status).toBe(400);
      expect(res.body).toMatch(
        /^The address is malformed: "%" at position 22 must be followed by two hex digits/,
      );
    }
    const api = await get("/api/clusters/%G0/health");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  it("serves a page whose size grows linearly with its path", async () => {
    const sizes: number[] = [];
    for (const depth of [1, 120, 240]) {
      const res = await get(page(depth, 32));
      expect(res.status, `depth ${depth}`).toBe(200);
      sizes.push(res.body.length);
    }
    const [base = 0, half = 0, full = 0] = sizes;
    // Doubling the path at most doubles what it adds; a crumb per level repeating the path
    // would quadruple it.
    expect((full - base) / (half - base)).toBeLessThan(2.5);
    expect(full - base).toBeLessThan(40 * 240 * 32);
  });
});

describe("login return path", () => {
  /** Where a login page sends the browser: its redirect when logged in, else its form's target. */
  function destination(res: Answer): string | undefined {
    if (res.headers.location) return String(res.headers.location);
    return (
      /NEXT_REDIRECT;replace;([^;]*);/.exec(res.body)?.[1] ??
      /returnTo\\?":\\?"([^"\\]*)/.exec(res.body)?.[1]
    );
  }

  it("never sends the browser to another origin, logged in or not", async () => {
    for (const next of [
      "/.//evil.example",
      "/./..//evil.example",
      "/clusters/../..//evil.example",
      "/%2e%2e//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
    ]) {
      const target = `/login?next=${encodeURIComponent(next)}`;
      for (const res of [await get(target), await call(server.url, target)]) {
        const to = destination(res);
        expect(to, next).toBeDefined();
        expect(new URL(to ?? "", server.url).origin, `${next} → ${to}`).toBe(server.url);
        expect(to?.startsWith("//")).toBe(false);
      }
    }
    const kept = await get(`/login?next=${encodeURIComponent("/clusters/./demo/../demo")}`);
    expect(destination(kept)).toBe("/clusters/demo");
  });
});
