import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterListSchema } from "../lib/api/cluster-summary";
import { apiErrorSchema } from "../lib/api/error-response";
import { sessionInfoSchema } from "../lib/auth/auth-user";
import { loginResponseSchema } from "../lib/auth/login-request";
import { appRoutes } from "../test-support/app-routes";

const TOKEN = "integration-test-token-0123456789";
let cluster: EtcdCluster;
let dashboard: DashboardServer;

function request(p: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${dashboard.url}${p}`, {
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
    ...init,
  });
}

function logIn(token: string): Promise<Response> {
  return request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
}

/** The `name=value` part of the session cookie a login answered with. */
function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("raftscope_session="));
  if (!cookie) throw new Error("no session cookie in the answer");
  return cookie.split(";")[0] ?? "";
}

async function expectUnauthenticated(res: Response) {
  expect(res.status).toBe(401);
  const text = await res.text();
  const body = apiErrorSchema.parse(JSON.parse(text));
  expect(body.error.code).toBe("UNAUTHENTICATED");
  // Nothing about the server, its files or etcd reaches someone who has not logged in.
  expect(text).not.toMatch(/\bat \S+:\d+|\/work\/|node_modules|etcd|\.pem|\.key/i);
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-auth-token-"));
  cluster = await EtcdCluster.start({ size: 1, dir });
  const dashDir = path.join(dir, "dashboard");
  mkdirSync(dashDir);
  writeDashboardConfig(path.join(dashDir, "raftscope.yaml"), cluster);
  const tokenFile = path.join(dashDir, "token");
  writeFileSync(tokenFile, `${TOKEN}\n`);
  chmodSync(tokenFile, 0o600);
  dashboard = await startDashboard({
    configPath: path.join(dashDir, "raftscope.yaml"),
    dataDir: path.join(dashDir, "data"),
    logFile: path.join(dashDir, "server.log"),
    env: { RAFTSCOPE_AUTH: "token", RAFTSCOPE_AUTH_TOKEN_FILE: tokenFile },
    readyHeaders: { authorization: `Bearer ${TOKEN}` },
  });
});

afterAll(async () => {
  await dashboard?.stop();
  await cluster?.teardown({ removeData: true });
});

describe("token mode", () => {
  it("refuses every page and API route the app has to a request that has not logged in", async () => {
    const routes = appRoutes();
    const paths = routes.map((r) => r.path);
    // The walk must find the app, or this test would pass by checking nothing.
    expect(paths).toEqual(
      expect.arrayContaining(["/", "/login", "/api/clusters", "/api/clusters/demo/stream"]),
    );
    // Unknown addresses are refused the same way, so a 404 tells an outsider nothing.
    routes.push({ path: "/no-such-page", kind: "page", methods: ["GET"] });
    routes.push({ path: "/api/no-such-route", kind: "route", methods: ["GET", "POST"] });

    for (const route of routes) {
      // Open by design: the login itself, and the probes that answer only ok or not ok.
      if (["/login", "/api/auth/login", "/api/healthz", "/api/readyz"].includes(route.path)) {
        continue;
      }
      for (const method of route.methods) {
        const res = await request(route.path, { method });
        // /metrics is read by Prometheus: a 401 like the API, never a redirect.
        if (route.path.startsWith("/api/") || route.path === "/metrics") {
          await expectUnauthenticated(res);
        } else {
          expect(res.status, `${method} ${route.path}`).toBe(307);
          expect(res.headers.get("location"), route.path).toMatch(/^\/login(\?next=|$)/);
        }
      }
    }
  });

  it("serves the login page and its endpoint to anyone, with the security headers", async () => {
    const page = await request("/login?next=%2Fclusters%2Fdemo");
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    // Every script Next wrote, inline ones included, carries this response's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).toContain("Access token");
    // The favicon the login page shows is not behind the login.
    expect((await request("/icon.svg")).status).toBe(200);

    const empty = await request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(empty.status).toBe(400);
    expect(apiErrorSchema.parse(await empty.json()).error.code).toBe("BAD_REQUEST");
  });

  it("logs in with the right token: an HttpOnly, SameSite=Strict cookie that expires, then pages and the stream work", async () => {
    const res = await logIn(TOKEN);
    expect(res.status).toBe(200);
    const body = loginResponseSchema.parse(await res.json());
    expect(body.user).toEqual({ name: "token user", method: "session" });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("raftscope_session="));
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Max-Age=43200/);
    expect(setCookie).toMatch(/; Expires=/);
    // Plain http on loopback: a Secure cookie would never be sent back.
    expect(setCookie).not.toMatch(/; Secure/i);
    const cookie = sessionCookie(res);

    const home = await request("/", { headers: { cookie } });
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("token user");
    expect(html).toContain("Log out");

    const detail = await request("/clusters/demo", { headers: { cookie } });
    expect(detail.status).toBe(200);

    const list = await request("/api/clusters", { headers: { cookie } });
    expect(clusterListSchema.parse(await list.json()).map((c) => c.id)).toEqual(["demo"]);

    const session = await request("/api/auth/session", { headers: { cookie } });
    expect(sessionInfoSchema.parse(await session.json())).toEqual({
      mode: "token",
      user: { name: "token user", method: "session" },
    });

    const ctrl = new AbortController();
    const stream = await fetch(`${dashboard.url}/api/clusters/demo/stream`, {
      headers: { cookie },
      signal: ctrl.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = stream.body?.getReader();
    let text = "";
    const until = Date.now() + 5_000;
    while (reader && Date.now() < until && !text.includes("event: health")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ctrl.abort();
    expect(text).toContain("event: health");

    // A login page visited with a live session goes straight on, with an HTTP redirect.
    const again = await request("/login?next=%2Fclusters%2Fdemo", { headers: { cookie } });
    expect(again.status).toBe(307);
    expect(again.headers.get("location")).toBe("/clusters/demo");
    expect(await again.text()).not.toContain("Access token");

    const out = await request("/api/auth/logout", { method: "POST", headers: { cookie } });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/login");
    expect(out.headers.getSetCookie().join()).toMatch(/raftscope_session=;.*Max-Age=0/);
  });

  it("refuses a session cookie that was altered", async () => {
    const cookie = sessionCookie(await logIn(TOKEN));
    const [body = "", mac = ""] = cookie.slice("raftscope_session=".length).split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString()) as { user: string };
    payload.user = "admin";
    const forged = `raftscope_session=${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${mac}`;
    await expectUnauthenticated(await request("/api/clusters", { headers: { cookie: forged } }));
  });

  it("accepts the token as a Bearer credential for the API, and nothing else", async () => {
    const ok = await request("/api/clusters/demo/health", {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
    const session = await request("/api/auth/session", {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(sessionInfoSchema.parse(await session.json()).user.method).toBe("bearer");
    await expectUnauthenticated(
      await request("/api/clusters", { headers: { authorization: `Basic ${TOKEN}` } }),
    );
  });

  // Last: under `next start` every client shares one count, so this locks out the rest.
  it("refuses a wrong token, and answers the sixth attempt in a minute with 429 and Retry-After", async () => {
    const cookie = sessionCookie(await logIn(TOKEN));
    for (let i = 0; i < 5; i++) {
      const res = await logIn(`wrong-token-${i}-padding`);
      expect(res.status).toBe(401);
      expect(apiErrorSchema.parse(await res.json()).error).toEqual({
        code: "UNAUTHENTICATED",
        message: "Wrong token",
      });
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    const sixth = await logIn(TOKEN);
    expect(sixth.status).toBe(429);
    expect(apiErrorSchema.parse(await sixth.json()).error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(sixth.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Guessing by Bearer counts the same way, and is refused the same way.
    const bearer = await request("/api/clusters", {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.status).toBe(429);
    // A session that already exists keeps working through a lockout.
    expect((await request("/api/clusters", { headers: { cookie } })).status).toBe(200);
  });
});
