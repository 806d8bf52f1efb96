import { expect, test } from "./fixtures";

test("shows the certificates in use and when they expire, never the keys", async ({ page }) => {
  await page.goto("/clusters/demo");
  const panel = page.getByRole("region", { name: "Certificates" });
  await expect(panel.getByRole("row", { name: /Raftscope \(client\)/ })).toContainText("raftscope");
  await expect(panel.getByRole("row", { name: /Raftscope \(client\)/ })).toContainText(
    /expires \d{4}-\d\d-\d\d/,
  );
  for (const name of ["m1", "m2", "m3"]) {
    await expect(panel.getByRole("row", { name: new RegExp(`^${name}\\b`) })).toContainText(
      /expires \d{4}-\d\d-\d\d/,
    );
  }
  await expect(page.locator("body")).not.toContainText("PRIVATE KEY");
  await panel.screenshot({ path: test.info().outputPath("certificates.png") });
});
