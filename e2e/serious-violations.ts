import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";

/**
 * The page's serious and critical axe violations, one line each with the elements they are on;
 * every violation found is attached to the test's report.
 */
export async function seriousViolations(page: Page, testInfo: TestInfo): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach("axe-violations.json", {
    body: JSON.stringify(results.violations, null, 2),
    contentType: "application/json",
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
