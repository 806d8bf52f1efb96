import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { dashboardPage } from "./dashboard-page";
import { expect, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Violations axe rates moderate or worse, one line each. */
async function axeModerate(page: Page, testInfo: TestInfo): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach("axe-violations.json", {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  return results.violations
    .filter((v) => v.impact !== "minor")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("the topology is text cards, not a diagram shrunk to unreadable text", async ({
    page,
    cluster,
  }, testInfo) => {
    await cluster.waitForLeader();
    await page.goto("/clusters/demo");
    const d = dashboardPage(page);
    await expect(d.leader).not.toHaveText(/none$/);
    const nodes = d.topology.getByRole("list", { name: "Control-plane nodes" });
    await expect(nodes.getByRole("listitem")).toHaveCount(3);
    await expect(d.topology.getByRole("group", { name: "Topology diagram" })).toHaveCount(0);
    const smallest = await nodes.evaluate((el) =>
      Math.min(
        ...[...el.querySelectorAll("*")].map((e) =>
          Number.parseFloat(getComputedStyle(e).fontSize),
        ),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(12);
    await d.topology.scrollIntoViewIfNeeded();
    await shot(page, testInfo, "phone-topology");
  });

  test("the key input and the separator select do not overlap", async ({ page }, testInfo) => {
    await page.goto("/clusters/demo/keys");
    const input = page.getByRole("textbox", { name: "Key or prefix" });
    const select = page.getByRole("combobox", { name: "Separator" });
    await expect(input).toBeVisible();
    const a = await input.boundingBox();
    const b = await select.boundingBox();
    if (!a || !b) throw new Error("no layout box");
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap).toBe(false);
    expect(a.x + a.width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, testInfo, "phone-keys");
  });
});

test.describe("landmarks and names", () => {
  for (const path of ["/clusters/demo", "/clusters/demo/keys/~/registry/~"]) {
    test(`${path} has one main, one banner and nothing moderate for axe`, async ({
      page,
      cluster,
    }, testInfo) => {
      // axe over the whole dashboard is slow on a loaded 2-core machine.
      test.setTimeout(180_000);
      await cluster.waitForLeader();
      await page.goto(path);
      await expect(page.getByRole("main")).toHaveCount(1);
      await expect(page.getByRole("banner")).toHaveCount(1);
      if (path === "/clusters/demo") {
        await expect(page.getByRole("figure", { name: "Process memory (RSS)" })).toBeVisible({
          timeout: 45_000,
        });
        await expect(dashboardPage(page).leader).not.toHaveText(/none$/);
      } else {
        await expect(page.getByRole("list", { name: "Keys" })).toBeVisible({ timeout: 30_000 });
      }
      expect(await axeModerate(page, testInfo)).toEqual([]);
    });
  }

  test("charts are not unnamed tab stops", async ({ page, cluster }) => {
    await cluster.waitForLeader();
    await page.goto("/clusters/demo");
    const chart = page.getByRole("figure", { name: "Process memory (RSS)" });
    // The charts load after the verdict; slowly on a loaded machine.
    await expect(chart.locator("svg")).toBeVisible({ timeout: 45_000 });
    // Keyboard focus has no role to select by: count what a Tab key could stop at in charts.
    const charts = page.locator("[data-chart]");
    expect(await charts.count()).toBeGreaterThan(3);
    await expect(
      charts.locator("[tabindex]:not([tabindex='-1']), a[href], button, input, select"),
    ).toHaveCount(0);
  });
});

test.describe("members table", () => {
  test("says unknown for what a stopped member cannot tell, in words like Up", async ({
    page,
    cluster,
  }, testInfo) => {
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader && m.state === "running")?.name;
    if (!follower) throw new Error("no running follower");
    await page.goto("/clusters/demo");
    const d = dashboardPage(page);
    const leaderCells = d.memberRow(leader).getByRole("cell");
    // State first (it stays in view on a laptop), then etcdctl's columns.
    await expect(leaderCells.nth(0)).toHaveText("leader");
    await expect(leaderCells.nth(3)).toHaveText("yes");
    await expect(leaderCells.nth(4)).toHaveText("no");
    cluster.freeze(follower);
    // restoreMembers thaws it whatever happens here.
    const row = d.memberRow(follower);
    await expect(row).toHaveAttribute("data-state", "unreachable", { timeout: 15_000 });
    const cells = row.getByRole("cell");
    await expect(cells.nth(3)).toHaveText("unknown");
    await expect(cells.nth(4)).toHaveText("no");
    await expect(cells.nth(9)).toHaveText("no");
    await expect(cells.nth(11)).toHaveText("unknown");
    await row.scrollIntoViewIfNeeded();
    await shot(page, testInfo, "members-frozen");
  });
});

test.describe("natural key URLs", () => {
  test("a path without its leading slash offers the key the user meant", async ({
    page,
  }, testInfo) => {
    await page.goto("/clusters/demo/keys/registry/deployments");
    const offer = page.getByRole("status").filter({ hasText: "Did you mean" });
    await expect(offer).toBeVisible();
    await shot(page, testInfo, "slash-offer");
    await offer.getByRole("link", { name: "/registry/deployments/" }).click();
    // A trailing slash is an empty last part, spelled "~" like the leading one.
    await expect(page).toHaveURL(/\/keys\/~\/registry\/deployments\/~$/);
    await expect(
      page
        .getByRole("list", { name: "Keys" })
        .getByRole("link", { name: "payments/", exact: true }),
    ).toBeVisible();
  });
});
