import { expect, test } from "./fixtures";

test.describe("etcd alert rules", () => {
  test("are judged on the server and pushed: two members down pend, then no leader fires", async ({
    page,
    cluster,
  }, testInfo) => {
    test.setTimeout(180_000);
    const leader = await cluster.waitForLeader();
    const historyForAlerts: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/history") && r.url().includes("window=1h")) {
        historyForAlerts.push(r.url());
      }
    });
    await page.goto("/clusters/demo");
    const panel = page.getByRole("region", { name: /^etcd alert rules/ });
    await expect(panel).toContainText(/\d+ firing, \d+ pending of 14/, { timeout: 15_000 });
    await expect(panel).toContainText("0 firing");

    // The leader is left alone: it steps down once it hears no quorum, so it has no leader.
    const others = cluster.members.map((m) => m.name).filter((n) => n !== leader);
    for (const name of others) await cluster.kill(name);

    const active = page.getByRole("table", { name: "Firing and pending alert rules" });
    const row = (name: string) => active.getByRole("row", { name: new RegExp(`^\\S+ ${name}`) });
    await expect(row("etcdMembersDown")).toHaveAttribute("data-state", "pending", {
      timeout: 30_000,
    });
    await expect(row("etcdMembersDown")).toContainText("2");
    await expect(row("etcdInsufficientMembers")).toHaveAttribute("data-state", "pending");
    await expect(row("etcdNoLeader")).toHaveAttribute("data-state", "pending", { timeout: 30_000 });
    await expect(row("etcdNoLeader")).toContainText(`on ${leader}`);
    await page.screenshot({ path: testInfo.outputPath("alerts-pending.png"), fullPage: true });

    // etcdNoLeader's `for:` is one minute.
    await expect(row("etcdNoLeader")).toHaveAttribute("data-state", "firing", { timeout: 100_000 });
    await expect(panel).toContainText(/[1-9] firing/);
    await panel.screenshot({ path: testInfo.outputPath("alerts-firing.png") });
    expect(historyForAlerts).toEqual([]);
  });
});
