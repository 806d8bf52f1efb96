import type { Page } from "@playwright/test";
import type { EtcdCluster } from "../harness/etcd-cluster";
import { BINARY_KEY, seededKeys } from "../harness/seed";
import { expect, test } from "./fixtures";
import { seriousViolations } from "./serious-violations";

/** Locators of the key browser, by role and accessible name only. */
function keysPage(page: Page) {
  const list = page.getByRole("list", { name: "Keys" });
  return {
    list,
    child: (name: string) => list.getByRole("link", { name, exact: true }),
    path: page.getByRole("navigation", { name: "Key path" }),
    keyInput: page.getByRole("textbox", { name: "Key or prefix" }),
    openKey: page.getByRole("button", { name: "Open key" }),
    currentRevision: page.getByRole("group", { name: "Current revision" }),
    value: (key: string) => page.getByRole("region", { name: key, exact: true }),
    redacted: page.getByRole("note", { name: "Redacted value" }),
    encrypted: page.getByRole("note", { name: "Encrypted value" }),
    kubernetesFields: page.getByRole("region", { name: "Protobuf fields" }),
    download: page.getByRole("link", { name: "Download raw value" }),
    decoder: page.getByRole("combobox", { name: "Decoder" }),
  };
}

/** The store's revision as every member reports it (etcdctl, not Raftscope). */
async function revisions(cluster: EtcdCluster): Promise<number[]> {
  const out = await cluster.etcdctl(["endpoint", "status", "-w", "json"]);
  const status = JSON.parse(out) as Array<{ Status: { header: { revision: number } } }>;
  return status.map((s) => s.Status.header.revision);
}

test.describe("key browser", () => {
  test.beforeEach(async ({ page }) => {
    // A value rendered as HTML would run its script; any dialog fails the test.
    page.on("dialog", (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
  });

  test("browses /registry down to a Deployment and shows its kind and apiVersion", async ({
    page,
    cluster,
  }) => {
    const before = await revisions(cluster);
    const k = keysPage(page);
    await page.goto("/clusters/demo/keys");
    await expect(k.currentRevision).toContainText(String(before[0]));
    await expect(k.child("feature-flags")).toBeVisible();
    await expect(k.child("compact_rev_key")).toBeVisible();
    for (const dir of ["/", "registry/", "deployments/", "payments/"]) {
      await k.child(dir).click();
      await expect(k.path.getByRole("link", { name: "All keys" })).toBeVisible();
      await expect(k.path).toContainText(dir.replace(/\/$/, ""));
    }
    await k.child("payments-api").click();
    const panel = k.value(seededKeys.deployment);
    await expect(panel).toContainText("Deployment");
    await expect(panel).toContainText("apps/v1");
    await expect(k.kubernetesFields).toBeVisible();
    await expect(k.child("payments-api")).toHaveAttribute("aria-current", "page");
    await expect(page).toHaveURL(
      /\/clusters\/demo\/keys\/~\/registry\/deployments\/payments\/payments-api$/,
    );
    // The breadcrumb leads back up.
    await k.path.getByRole("link", { name: "registry/" }).click();
    await expect(k.child("deployments/")).toBeVisible();
    expect(await revisions(cluster)).toEqual(before);
  });

  test("keeps a Secret's value on the server", async ({ page }) => {
    const k = keysPage(page);
    await page.goto("/clusters/demo/keys");
    await k.keyInput.fill(seededKeys.secret);
    await k.openKey.click();
    const panel = k.value(seededKeys.secret);
    await expect(k.redacted).toBeVisible();
    await expect(panel).toContainText("Modified at revision");
    await expect(k.download).toHaveCount(0);
    await expect(page.getByText("not-a-real-password")).toHaveCount(0);
    const raw = await page.request.get(
      `/api/clusters/demo/keys/raw?key=${encodeURIComponent(seededKeys.secret)}`,
    );
    expect(raw.status()).toBe(403);
  });

  test("labels a value encrypted at rest with its provider and key", async ({ page }) => {
    const k = keysPage(page);
    await page.goto("/clusters/demo/keys/~/registry/secrets/payments/~");
    await k.child("ledger-signing-key").click();
    await expect(k.encrypted).toContainText("Encrypted with provider aescbc (v1), key key1");
    await k.path.getByRole("link", { name: "secrets/" }).click();
    await k.child("checkout/").click();
    await k.child("session-secret").click();
    await expect(k.encrypted).toContainText("provider aesgcm");
  });

  test("shows a key that is not UTF-8, and its URL round-trips", async ({ page }) => {
    const k = keysPage(page);
    const shown = "/config/binary/\\x00\\xFF\\xFE\\x80-key";
    await page.goto("/clusters/demo/keys/~/config/binary/~");
    await k.child("\\x00\\xFF\\xFE\\x80-key").click();
    await expect(k.value(shown)).toContainText("a value under a key that is not UTF-8");
    const url = page.url();
    await page.reload();
    expect(page.url()).toBe(url);
    await expect(k.value(shown)).toContainText("a value under a key that is not UTF-8");
    // The API answers the exact bytes; base64 is the spelling of bytes that are not UTF-8.
    const res = await page.request.get(
      `/api/clusters/demo/keys/value?keyBase64=${BINARY_KEY.toString("base64url")}`,
    );
    expect((await res.json()).keyBase64).toBe(BINARY_KEY.toString("base64"));
  });

  test("shows HTML keys and values as text, and their URLs round-trip", async ({ page }) => {
    const k = keysPage(page);
    await page.goto("/clusters/demo/keys");
    // "<script>alert(1)</script>" holds a "/", so it is a directory and a key below it.
    await k.child("<script>alert(1)</").click();
    await k.child("script>").click();
    const panel = k.value(seededKeys.html);
    await expect(panel).toContainText('<img src=x onerror="alert(2)">');
    await expect(panel.getByRole("img")).toHaveCount(0);
    const url = page.url();
    await page.goto(url);
    await expect(k.value(seededKeys.html)).toContainText('<img src=x onerror="alert(2)">');

    await page.goto("/clusters/demo/keys/~/config/payments/~");
    await k.child("rate limit 100%").click();
    await expect(k.value(seededKeys.spaceAndPercent)).toContainText("100");
    await page.reload();
    await expect(k.value(seededKeys.spaceAndPercent)).toBeVisible();
  });

  test("switches the decoder and reads an earlier revision", async ({ page, cluster }) => {
    const k = keysPage(page);
    await page.goto("/clusters/demo/keys/~/config/payments/app.yaml");
    const panel = k.value(seededKeys.yaml);
    await expect(panel.getByRole("region", { name: "Value as YAML" })).toBeVisible();
    await k.decoder.selectOption("binary");
    await expect(panel.getByRole("region", { name: /^Hex dump/ })).toBeVisible();
    await expect(page).toHaveURL(/format=binary/);
    const [revision] = await revisions(cluster);
    await page.getByRole("spinbutton", { name: "Read at revision" }).fill(String(revision));
    await page.getByRole("button", { name: "Read", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`revision=${revision}`));
    await expect(panel).toContainText(`${revision}`);
  });

  test("refuses a revision in the address that is not one, and offers the current one", async ({
    page,
  }) => {
    await page.goto("/clusters/demo/keys/~/registry/pods/~?revision=abc");
    const alert = page.getByRole("alert").filter({ hasText: "asks for revision" });
    await expect(alert).toContainText(
      "This address asks for revision “abc”, which is not a revision: it must be a positive integer.",
    );
    await alert.getByRole("link", { name: "Read at the current revision instead" }).click();
    await expect(page).not.toHaveURL(/revision=/);
    await expect(keysPage(page).list).toBeVisible();
  });

  test("leaves the cluster revision unchanged after browsing", async ({ page, cluster }) => {
    const before = await revisions(cluster);
    const k = keysPage(page);
    await page.goto("/clusters/demo/keys/~/registry/~");
    for (const dir of ["pods/", "secrets/", "configmaps/", "leases/"]) {
      await k.child(dir).click();
      await expect(k.list).toBeVisible();
      await k.path.getByRole("link", { name: "registry/" }).click();
    }
    await page.goto(`/clusters/demo/keys/~/registry/namespaces/payments`);
    await expect(k.value(seededKeys.namespace)).toContainText("Namespace");
    expect(await revisions(cluster)).toEqual(before);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`has no serious or critical accessibility violation (${theme})`, async ({
      page,
    }, testInfo) => {
      await page.addInitScript((t) => localStorage.setItem("raftscope-theme", t), theme);
      const k = keysPage(page);
      await page.goto("/clusters/demo/keys/~/registry/deployments/payments/payments-api");
      await expect(k.value(seededKeys.deployment)).toContainText("Deployment");
      await expect(k.currentRevision).not.toContainText("…");
      expect(await seriousViolations(page, testInfo)).toEqual([]);
    });
  }
});
