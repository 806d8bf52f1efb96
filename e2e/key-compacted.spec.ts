import type { Page } from "@playwright/test";
import { seededKeys } from "../harness/seed";
import { expect, test } from "./fixtures";

/** Every key value request the page sends, by its revision parameter. */
function valueRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.pathname.endsWith("/keys/value")) seen.push(url.searchParams.get("revision") ?? "");
  });
  return seen;
}

test.describe("a compacted revision", () => {
  test("is asked for once, says the oldest readable revision, and reads it in one click", async ({
    page,
    cluster,
  }) => {
    const status = JSON.parse(
      await cluster.etcdctl(["endpoint", "status", "-w", "json"]),
    ) as Array<{
      Status: { header: { revision: number } };
    }>;
    const current = status[0]?.Status.header.revision ?? 0;
    // Compacting at the current revision changes no key and no revision: only history goes.
    await cluster.etcdctl(["compact", String(current)]);
    const gone = current - 1;
    const requests = valueRequests(page);
    await page.goto(`/clusters/demo/keys/${seededKeys.rootLevel}?revision=${gone}`);
    const panel = page.getByRole("region", { name: seededKeys.rootLevel, exact: true });
    const notice = panel.getByRole("alert").filter({ hasText: "compacted" });
    await expect(notice).toBeVisible();
    const readOldest = notice.getByRole("link", {
      name: `Read at revision ${current}, the oldest etcd still holds`,
    });
    await expect(readOldest).toBeVisible();
    expect(requests.filter((r) => r === String(gone))).toHaveLength(1);

    await readOldest.click();
    await expect(page).toHaveURL(new RegExp(`revision=${current}`));
    await expect(panel).toContainText(`${current}`);
    await expect(page.getByRole("alert").filter({ hasText: "compacted" })).toHaveCount(0);
    expect(requests.filter((r) => r === String(gone))).toHaveLength(1);
  });
});
