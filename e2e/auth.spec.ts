import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { dashboardPage } from "./dashboard-page";
import { test as base, expect } from "./fixtures";

const TOKEN = "e2e-login-token-0123456789abcdef";

const test = base.extend<Record<never, never>, { tokenDashboard: DashboardServer }>({
  /** The same cluster, watched by a second dashboard that requires the token. */
  tokenDashboard: [
    async ({ cluster }, use) => {
      const dir = path.join(cluster.dir, "dashboard-token");
      mkdirSync(dir, { recursive: true });
      const tokenFile = path.join(dir, "token");
      writeFileSync(tokenFile, `${TOKEN}\n`);
      chmodSync(tokenFile, 0o600);
      writeDashboardConfig(path.join(dir, "raftscope.yaml"), cluster);
      const server = await startDashboard({
        configPath: path.join(dir, "raftscope.yaml"),
        dataDir: path.join(dir, "data"),
        logFile: path.join(dir, "server.log"),
        env: { RAFTSCOPE_AUTH: "token", RAFTSCOPE_AUTH_TOKEN_FILE: tokenFile },
        readyHeaders: { authorization: `Bearer ${TOKEN}` },
      });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

type ViolationWindow = Window & { raftscopeCspViolations?: string[] };

/**
 * Records every Content-Security-Policy violation the page reports, from the browser's own
 * event and from the console, where Chromium explains each blocked script.
 */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) fromConsole.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as ViolationWindow;
      w.raftscopeCspViolations ??= [];
      w.raftscopeCspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI}`);
    });
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as ViolationWindow).raftscopeCspViolations ?? [])),
  ];
}

test.describe("access control", () => {
  test("logs in through the login page, shows the user, and logs out", async ({
    page,
    context,
    cluster,
    tokenDashboard,
  }) => {
    const violations = await recordCspViolations(page);
    const leader = await cluster.waitForLeader();
    await page.goto(`${tokenDashboard.url}/clusters/demo`);
    await expect(page).toHaveURL(/\/login\?next=%2Fclusters%2Fdemo$/);
    await expect(page.getByRole("heading", { name: "Log in to Raftscope" })).toBeVisible();

    const token = page.getByLabel("Access token");
    const logIn = page.getByRole("button", { name: "Log in" });
    await token.fill("not-the-configured-token");
    await logIn.click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong token" })).toBeVisible();

    await token.fill(TOKEN);
    await logIn.click();
    await expect(page).toHaveURL(`${tokenDashboard.url}/clusters/demo`);
    const account = page.getByRole("region", { name: "Account" });
    await expect(account).toContainText("Signed in as token user");
    // The API and the event stream answer the session: live data reaches the page.
    await expect(dashboardPage(page).leader).toContainText(leader);

    const [session] = (await context.cookies()).filter((c) => c.name === "raftscope_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", secure: false });
    expect(session?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 11 * 3600);

    await account.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(`${tokenDashboard.url}/login`);
    expect((await context.cookies()).map((c) => c.name)).not.toContain("raftscope_session");
    await page.goto(`${tokenDashboard.url}/`);
    await expect(page).toHaveURL(`${tokenDashboard.url}/login`);

    expect(await violations()).toEqual([]);
  });

  test("renders every page under a nonce-only script policy without a violation", async ({
    page,
    dashboard,
  }) => {
    const violations = await recordCspViolations(page);
    const home = await page.goto(`${dashboard.url}/`);
    const csp = home?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic';/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // The cluster list is fetched and drawn by client code: scripts ran.
    await expect(page.getByRole("article", { name: "Cluster Demo control plane" })).toBeVisible();
    await page.goto(`${dashboard.url}/clusters/demo`);
    await expect(dashboardPage(page).writes).toContainText("working");
    expect(await violations()).toEqual([]);

    // The policy is live, and this recorder sees what it blocks: an injected handler never runs.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        '<img alt="" src="/no-such-image.png" onerror="document.title=\'injected\'">',
      );
    });
    await expect.poll(violations).toContainEqual(expect.stringMatching(/script-src/));
    await expect(page).not.toHaveTitle("injected");
  });
});
