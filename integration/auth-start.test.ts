import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { EtcdCluster } from "../harness/etcd-cluster";
import { freeLoopbackPorts } from "../harness/loopback-ports";
import { scrubbedEnv } from "../harness/scrubbed-env";
import { sessionInfoSchema } from "../lib/auth/auth-user";

// `npm start` (scripts/start.mjs) is what stamps each request with its socket address, so proxy
// mode and per-address limits are tested through it, not through the harness's `next start`.

let cluster: EtcdCluster;
let dir: string;
let configPath: string;
const running: ChildProcess[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from a chosen loopback source address: 127.0.0.2 is another host to the server. */
function call(
  url: string,
  opts: { from?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: opts.method ?? "GET",
        headers: opts.headers,
        localAddress: opts.from ?? "127.0.0.1",
        timeout: 10_000,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.end(opts.body);
  });
}

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return scrubbedEnv({
    RAFTSCOPE_CONFIG: configPath,
    RAFTSCOPE_DATA_DIR: path.join(dir, "data"),
    ...extra,
  });
}

/** Runs a server command until it exits on its own; for settings it must refuse. */
function runUntilExit(
  extra: Record<string, string>,
  args: string[] = [path.resolve("scripts/start.mjs")],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      env: env({ PORT: "0", HOSTNAME: "127.0.0.1", ...extra }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.push(child);
    let output = "";
    const collect = (c: Buffer) => {
      output += c.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Starts `npm start` on a free loopback port and resolves once it answers. */
async function startServer(extra: Record<string, string>): Promise<string> {
  const [port] = await freeLoopbackPorts(1);
  const child = spawn(process.execPath, [path.resolve("scripts/start.mjs")], {
    env: env({ PORT: String(port), HOSTNAME: "127.0.0.1", ...extra }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  const collect = (c: Buffer) => {
    output += c.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`start.mjs exited ${child.exitCode}: ${output}`);
    const up = await call(`${url}/login`).catch(() => undefined);
    if (up) return url;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`start.mjs did not answer: ${output}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-auth-start-"));
  cluster = await EtcdCluster.start({ size: 1, dir });
  mkdirSync(path.join(dir, "dashboard"));
  configPath = path.join(dir, "dashboard", "raftscope.yaml");
  writeDashboardConfig(configPath, cluster);
});

afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
});

afterAll(async () => {
  await cluster?.teardown({ removeData: true });
});

describe("start-up refusals", () => {
  it("refuses to listen on a non-loopback address with auth off", async () => {
    const { code, output } = await runUntilExit({ HOSTNAME: "0.0.0.0" });
    expect(code).not.toBe(0);
    expect(output).toContain("refusing to listen on 0.0.0.0 with RAFTSCOPE_AUTH=none");
  });

  it("exits naming the variable when an auth setting is wrong", async () => {
    const unknown = await runUntilExit({ RAFTSCOPE_AUTH: "tokn" });
    expect(unknown.code).not.toBe(0);
    expect(unknown.output).toContain("RAFTSCOPE_AUTH: expected none, token or proxy");

    const token = path.join(dir, "readable-token");
    writeFileSync(token, "a-token-others-can-read");
    chmodSync(token, 0o644);
    const readable = await runUntilExit({
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_FILE: token,
    });
    expect(readable.code).not.toBe(0);
    expect(readable.output).toContain(`RAFTSCOPE_AUTH_TOKEN_FILE: ${token} has mode 644`);
  });

  it("refuses proxy mode under a bare `next start`, which cannot tell it the peer", async () => {
    const { code, output } = await runUntilExit(
      { RAFTSCOPE_AUTH: "proxy", RAFTSCOPE_AUTH_PROXY_ADDRESSES: "127.0.0.1" },
      [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", "0"],
    );
    expect(code).not.toBe(0);
    expect(output).toContain("RAFTSCOPE_AUTH: proxy mode needs each request's socket address");
  });
});

describe("proxy mode", () => {
  it("trusts the identity header only from the configured proxy address", async () => {
    const url = await startServer({
      RAFTSCOPE_AUTH: "proxy",
      RAFTSCOPE_AUTH_PROXY_ADDRESSES: "127.0.0.2",
    });
    const alice = { "x-forwarded-user": "alice@example.com" };

    const fromProxy = await call(`${url}/api/auth/session`, { from: "127.0.0.2", headers: alice });
    expect(fromProxy.status).toBe(200);
    expect(sessionInfoSchema.parse(JSON.parse(fromProxy.body))).toEqual({
      mode: "proxy",
      user: { name: "alice@example.com", method: "proxy" },
    });
    const page = await call(`${url}/`, { from: "127.0.0.2", headers: alice });
    expect(page.status).toBe(200);
    expect(page.body).toContain("alice@example.com");

    // The same header from any other address, or no header from the proxy, is nobody.
    expect((await call(`${url}/api/clusters`, { from: "127.0.0.1", headers: alice })).status).toBe(
      401,
    );
    expect((await call(`${url}/api/clusters`, { from: "127.0.0.2" })).status).toBe(401);
    // Proxy mode has no login page: a browser without an identity gets one page saying why.
    const page401 = await call(`${url}/`, { from: "127.0.0.1", headers: alice });
    expect(page401.status).toBe(401);
    expect(page401.headers.location).toBeUndefined();
    // Nor can a client claim to be the proxy: the start script overwrites these.
    const spoofed = await call(`${url}/api/clusters`, {
      from: "127.0.0.1",
      headers: {
        ...alice,
        "x-forwarded-for": "127.0.0.2",
        "x-raftscope-peer": "guessed-key 127.0.0.2",
      },
    });
    expect(spoofed.status).toBe(401);
  });
});

describe("token mode behind npm start", () => {
  it("takes a hash from scripts/hash-token.ts, and limits failed logins per client address", async () => {
    const token = "hashed-token-for-the-integration-test";
    const hash = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/hash-token.ts"], {
      input: `${token}\n`,
      encoding: "utf8",
    }).trim();
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const url = await startServer({ RAFTSCOPE_AUTH: "token", RAFTSCOPE_AUTH_TOKEN_HASH: hash });
    const logIn = (from: string, t: string) =>
      call(`${url}/api/auth/login`, {
        from,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token: t }),
      });

    for (let i = 0; i < 5; i++) expect((await logIn("127.0.0.2", "wrong-guess")).status).toBe(401);
    expect((await logIn("127.0.0.2", token)).status).toBe(429);
    // Another address is not locked out by the first one's guesses.
    const ok = await logIn("127.0.0.1", token);
    expect(ok.status).toBe(200);
    expect(String(ok.headers["set-cookie"])).toMatch(/raftscope_session=.*HttpOnly/);
  });
});
