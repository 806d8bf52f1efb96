import type { Page } from "@playwright/test";
import type { EtcdCluster } from "../harness/etcd-cluster";
import { expect, test } from "./fixtures";
import { seriousViolations } from "./serious-violations";

/** Locators of the key browser's name search, by role and accessible name only. */
function searchPage(page: Page) {
  return {
    input: page.getByRole("searchbox", { name: "Find keys by name" }),
    find: page.getByRole("button", { name: "Find", exact: true }),
    status: page.getByRole("status").filter({ hasText: /Searching|Read all|Stopped/ }),
    matches: page.getByRole("list", { name: "Matches" }),
    keys: page.getByRole("list", { name: "Keys" }),
  };
}

/** Keys under `prefix` whose name after it contains `needle` (ASCII case ignored), by etcdctl. */
async function keysNamed(cluster: EtcdCluster, prefix: string, needle: string): Promise<string[]> {
  const out = await cluster.etcdctl(["get", prefix, "--prefix", "--keys-only", "-w", "json"]);
  const parsed = JSON.parse(out) as { kvs?: Array<{ key: string }> };
  return (parsed.kvs ?? [])
    .map((kv) => Buffer.from(kv.key, "base64").toString("utf8"))
    .filter((k) => k.slice(prefix.length).toLowerCase().includes(needle.toLowerCase()));
}

test.describe("key search by name", () => {
  test("finds pods named *web* across namespaces and opens one", async ({
    page,
    cluster,
  }, testInfo) => {
    const expected = await keysNamed(cluster, "/registry/pods/", "web");
    expect(expected.length).toBeGreaterThan(0);
    const s = searchPage(page);
    await page.goto("/clusters/demo/keys/~/registry/pods/~");
    await expect(s.keys).toBeVisible();
    await s.input.fill("WEB");
    await s.input.press("Enter");
    // The text and the prefix are in the URL, so the search can be shared and reloaded.
    await expect(page).toHaveURL(/\/clusters\/demo\/keys\/~\/registry\/pods\/~\?q=WEB$/);
    await expect(s.status).toContainText(`under this prefix at revision`);
    await expect(s.status).toContainText(
      `${expected.length} ${expected.length === 1 ? "match" : "matches"}.`,
    );
    const names = expected.map((k) => k.slice("/registry/pods/".length));
    await expect(s.matches.getByRole("link")).toHaveText(names);
    await page.screenshot({ path: testInfo.outputPath("key-search.png"), fullPage: true });

    await page.reload();
    await expect(s.input).toHaveValue("WEB");
    await expect(s.matches.getByRole("link")).toHaveText(names);

    // One search covers every namespace: a text that names pods in several finds them all.
    const spread = await keysNamed(cluster, "/registry/pods/", "er");
    expect(new Set(spread.map((k) => k.split("/")[3])).size).toBeGreaterThan(1);
    await s.input.fill("er");
    await s.find.click();
    await expect(s.matches.getByRole("link")).toHaveText(
      spread.map((k) => k.slice("/registry/pods/".length)),
    );
    await page.goBack();
    await expect(s.input).toHaveValue("WEB");
    await expect(s.matches.getByRole("link")).toHaveText(names);

    const first = expected[0] ?? "";
    await s.matches.getByRole("link", { name: names[0], exact: true }).click();
    await expect(page.getByRole("region", { name: first, exact: true })).toContainText("Pod");
    await expect(
      s.keys.getByRole("link", { name: names[0]?.split("/")[1], exact: true }),
    ).toHaveAttribute("aria-current", "page");
  });

  test("says plainly when the search stopped at its cap of matches", async ({ page, cluster }) => {
    const all = await keysNamed(cluster, "", "/");
    expect(all.length).toBeGreaterThan(200);
    const s = searchPage(page);
    await page.goto("/clusters/demo/keys?q=%2F");
    await expect(s.status).toContainText("Stopped at 200 matches, the most one search shows");
    await expect(s.matches.getByRole("link")).toHaveCount(200);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`has no serious or critical accessibility violation (${theme})`, async ({
      page,
    }, testInfo) => {
      await page.addInitScript((t) => localStorage.setItem("raftscope-theme", t), theme);
      const s = searchPage(page);
      await page.goto("/clusters/demo/keys/~/registry/~?q=web");
      await expect(s.status).toContainText("Read all");
      expect(await seriousViolations(page, testInfo)).toEqual([]);
      await page.screenshot({
        path: testInfo.outputPath(`key-search-${theme}.png`),
        fullPage: true,
      });
    });
  }
});
