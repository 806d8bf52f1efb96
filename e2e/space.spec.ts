import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Locators of the Space view, by role and accessible name only. */
function spacePage(page: Page) {
  return {
    status: page.getByRole("status").filter({ hasText: /index|figures/ }),
    bars: page.getByRole("list", { name: "Space by child, largest first" }),
    table: page.getByRole("table"),
    levels: page.getByRole("navigation", { name: "Space levels" }),
  };
}

test.describe("Space view", () => {
  test("shows where the space goes under /registry/ and follows a link into the key browser", async ({
    page,
  }, testInfo) => {
    const s = spacePage(page);
    await page.goto("/clusters/demo/space");
    await expect(s.status).toContainText("Live figures as of revision", { timeout: 30_000 });
    await expect(page.getByText(/^\/registry\/ holds \d[\d,]* keys in /)).toBeVisible();
    await expect(page.getByText(/^The largest is /)).toBeVisible();
    await expect(s.bars.getByRole("link", { name: "deployments/" })).toBeVisible();
    await expect(s.table.getByRole("rowheader", { name: "secrets/" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("space-registry.png"), fullPage: true });

    await s.bars.getByRole("link", { name: "deployments/" }).click();
    await expect(page).toHaveURL(/prefix=(%2F|\/)registry(%2F|\/)deployments(%2F|\/)$/);
    await expect(s.levels).toContainText("/registry/deployments/");
    await expect(s.table.getByRole("rowheader", { name: "payments/" })).toBeVisible();

    await page
      .getByRole("link", { name: "Browse keys under /registry/deployments/payments/" })
      .click();
    await expect(page).toHaveURL(/\/clusters\/demo\/keys\/.*registry\/deployments\/payments/);
    await expect(
      page
        .getByRole("list", { name: "Keys" })
        .getByRole("link", { name: "payments-api", exact: true }),
    ).toBeVisible();
  });
});
