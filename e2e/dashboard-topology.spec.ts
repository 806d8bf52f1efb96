import { dashboardPage } from "./dashboard-page";
import { expect, test } from "./fixtures";

test.describe("topology diagrams", () => {
  test("stacked: each control-plane node holds its etcd member and its API server", async ({
    page,
    cluster,
  }) => {
    await cluster.waitForLeader();
    await page.goto("/clusters/demo");
    const figure = page.getByRole("figure", { name: /^Stacked control plane/ });
    const nodes = figure.getByRole("list", { name: "Control-plane nodes" }).getByRole("listitem");
    await expect(nodes).toHaveCount(3);
    await expect(figure.getByRole("group", { name: /^etcd member / })).toHaveCount(3);
    await expect(figure.getByRole("group", { name: /^API server / })).toHaveCount(3);
    await expect(figure.getByRole("group", { name: /^etcd member \w+: leader,/ })).toHaveCount(1);
    for (const [i, m] of cluster.members.entries()) {
      const node = figure.getByRole("listitem", { name: `Node cp-${i + 1}` });
      await expect(
        node.getByRole("group", { name: new RegExp(`^etcd member ${m.name}: `) }),
      ).toBeVisible();
    }
    const first = figure.getByRole("listitem", { name: "Node cp-1" });
    await expect(first.getByRole("group", { name: /^etcd member / })).toHaveCount(1);
    await expect(
      first.getByRole("group", { name: /^API server kube-apiserver-cp-1: 1 etcd member$/ }),
    ).toBeVisible();
  });

  test("external: an etcd tier, an API server tier, and the single-endpoint API server flagged", async ({
    page,
    cluster,
  }, testInfo) => {
    await cluster.waitForLeader();
    await page.goto("/clusters/external");
    const d = dashboardPage(page);
    const figure = page.getByRole("figure", { name: /^External etcd/ });
    const apiTier = figure.getByRole("list", { name: "API servers" });
    const etcdTier = figure.getByRole("list", { name: "etcd nodes" });
    await expect(apiTier.getByRole("group", { name: /^API server / })).toHaveCount(2);
    await expect(etcdTier.getByRole("group", { name: /^etcd member / })).toHaveCount(3);
    await expect(
      apiTier.getByRole("group", { name: /^API server kube-apiserver-a: 3 etcd members$/ }),
    ).toBeVisible();
    const risky = apiTier.getByRole("group", {
      name: /^API server kube-apiserver-b: 1 etcd member; at risk/,
    });
    await expect(risky).toHaveAttribute("data-risk", "true");
    await expect(d.leader).not.toHaveText(/none$/);
    await page.screenshot({ path: testInfo.outputPath("topology-external.png"), fullPage: true });
  });
});
