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

  // A fresh cluster has nothing to give back: no member is worth its pause, and the panel
  // says why instead of planning one (the plan itself is tested on fragmented etcd in
  // integration/diagnosis-advice.test.ts).
  const defrag = page.getByRole("region", { name: "Defragmentation advice" });
  const skipped = defrag.getByRole("list", { name: "Members not worth defragmenting" });
  await expect(skipped.getByRole("listitem")).toHaveCount(3);
  await expect(skipped).toContainText(
    /m\d has [\d.]+ (B|KiB) to give back \([\d.]+ % of its database\): no step/,
  );
  await expect(defrag).toContainText("No member has enough to give back to be worth its pause.");
  await expect(defrag).not.toContainText("etcdctl defrag");

  await consistency.screenshot({ path: test.info().outputPath("consistency.png") });
  await defrag.screenshot({ path: test.info().outputPath("defrag.png") });
  await upgrade.screenshot({ path: test.info().outputPath("upgrade.png") });
});
