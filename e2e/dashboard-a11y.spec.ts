import AxeBuilder from "@axe-core/playwright";
import { dashboardPage } from "./dashboard-page";
import { expect, test } from "./fixtures";

const pages = [
  { name: "stacked cluster with a what-if selection", path: "/clusters/demo?fail=m1&window=5m" },
  { name: "external cluster", path: "/clusters/external" },
  { name: "overview", path: "/" },
];

test.describe("accessibility", () => {
  for (const theme of ["light", "dark"] as const) {
    for (const p of pages) {
      test(`${p.name} (${theme}) has no serious or critical violation`, async ({
        page,
        cluster,
      }, testInfo) => {
        await cluster.waitForLeader();
        await page.addInitScript((t) => localStorage.setItem("raftscope-theme", t), theme);
        await page.goto(p.path);
        if (p.path !== "/") {
          await expect(dashboardPage(page).leader).not.toHaveText(/none$/);
          await expect(page.getByRole("figure", { name: "Process memory (RSS)" })).toBeVisible();
        } else {
          await expect(page.getByRole("article").first()).toBeVisible();
        }
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter(
          (v) => v.impact === "serious" || v.impact === "critical",
        );
        await testInfo.attach("axe-violations.json", {
          body: JSON.stringify(results.violations, null, 2),
          contentType: "application/json",
        });
        expect(
          serious.map(
            (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
          ),
        ).toEqual([]);
      });
    }
  }

  test("keyboard focus is visible on the what-if checkboxes", async ({ page }) => {
    await page.goto("/clusters/demo");
    const box = dashboardPage(page).failMember("m1");
    await box.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const outline = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
  });
});
