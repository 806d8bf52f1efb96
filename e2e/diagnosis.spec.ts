import { expect, test } from "./fixtures";

test("consistency, upgrade readiness and defragmentation advice on the cluster page", async ({
  page,
  cluster,
}) => {
  await cluster.waitForLeader();
  await page.goto("/clusters/demo");

  const consistency = page.getByRole("region", { name: "Consistency across members" });
  await consistency.getByRole("button", { name: "Check now" }).click();
  await expect(consistency).toContainText(/Every member's copy is the same at revision \d+/, {
    timeout: 30_000,
  });
  for (const name of ["m1", "m2", "m3"]) {
    await expect(consistency.getByRole("row", { name: new RegExp(`^${name}\\b`) })).toContainText(
      /\d+ ms/,
    );
  }

  const upgrade = page.getByRole("region", { name: "Upgrade readiness" });
  await expect(upgrade).toContainText("Ready to upgrade to 3.5");
  // etcd 3.4 and 3.5 send no storage version or downgrade state in Status.
  await expect(upgrade.getByRole("row", { name: /^m1\b/ }).getByRole("cell").last()).toHaveText(
    "not reported",
  );
  await expect(upgrade).toContainText("Downgradenot reported (an etcd 3.6+ Status field)");

  const defrag = page.getByRole("region", { name: "Defragmentation advice" });
  await expect(
    defrag.getByText(/^defragmenting m\d leaves 2 of 3 voters; can lose 0 more meanwhile$/).first(),
  ).toBeVisible();
  await expect(defrag).toContainText("etcdctl defrag --endpoints=https://127.0.0.1:");

  await consistency.screenshot({ path: test.info().outputPath("consistency.png") });
  await defrag.screenshot({ path: test.info().outputPath("defrag.png") });
  await upgrade.screenshot({ path: test.info().outputPath("upgrade.png") });
});
