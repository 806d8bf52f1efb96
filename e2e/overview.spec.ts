import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { stringify } from "yaml";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";

/** More clusters than a browser's six connections per host: one stream each would stall. */
const CLUSTERS = 8;

interface WorkerFixtures {
  cluster: EtcdCluster;
  /** Raftscope watching `cluster` under eight ids. */
  dashboard: DashboardServer;
}

// biome-ignore lint/complexity/noBannedTypes: Playwright's own spelling of "no test fixtures".
const test = base.extend<{}, WorkerFixtures>({
  cluster: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), "raftscope-overview-"));
      const cluster = await EtcdCluster.start({ size: 3, dir });
      await use(cluster);
      await cluster.teardown({ removeData: true });
    },
    { scope: "worker", timeout: 120_000 },
  ],
  dashboard: [
    async ({ cluster }, use) => {
      const dir = path.join(cluster.dir, "dashboard");
      mkdirSync(dir, { recursive: true });
      const configPath = path.join(dir, "raftscope.yaml");
      // The same members under eight ids: eight pollers, eight verdicts, one process.
      const clusters = Array.from({ length: CLUSTERS }, (_, i) => ({
        id: `c${i + 1}`,
        name: `Cluster ${i + 1}`,
        endpoints: cluster.endpoints.slice(0, 1),
        tls: cluster.tlsFiles,
      }));
      writeFileSync(configPath, stringify({ clusters }));
      const server = await startDashboard({
        configPath,
        dataDir: path.join(dir, "data"),
        logFile: path.join(dir, "server.log"),
      });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ dashboard }, use) => {
    await use(dashboard.url);
  },
});

test.describe("overview of many clusters", () => {
  test("one stream carries every cluster, and all of them update live", async ({
    page,
    cluster,
  }) => {
    const streams: string[] = [];
    page.on("request", (req) => {
      if (req.url().includes("/stream")) streams.push(new URL(req.url()).pathname);
    });
    // After the first answer, polling only ever repeats it: what changes comes over the stream.
    let firstList: string | undefined;
    await page.route("**/api/clusters", async (route) => {
      if (firstList === undefined) {
        const res = await route.fetch();
        firstList = await res.text();
        await route.fulfill({ response: res, body: firstList });
      } else {
        await route.fulfill({ contentType: "application/json", body: firstList });
      }
    });

    await page.goto("/");
    const cards = page.getByRole("article", { name: /^Cluster Cluster \d+$/ });
    await expect(cards).toHaveCount(CLUSTERS);
    const statusFilter = page.getByRole("group", { name: "Clusters by status" });
    await expect(statusFilter.getByRole("button", { name: `Healthy ${CLUSTERS}` })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page).toHaveTitle("etcd clusters · Raftscope");

    const leader = await cluster.leader();
    const victim = cluster.members.find((m) => m.name !== leader);
    if (!victim) throw new Error("no follower to stop");
    await cluster.kill(victim.name);
    try {
      for (let i = 1; i <= CLUSTERS; i++) {
        await expect(
          page
            .getByRole("article", { name: `Cluster Cluster ${i}` })
            .getByText("Can lose no more members: one more failure stops writes"),
        ).toBeVisible({ timeout: 30_000 });
      }
      await expect(
        statusFilter.getByRole("button", { name: `Critical ${CLUSTERS}` }),
      ).toBeVisible();
      // A background tab tells it too: the worst mark and how many clusters are at risk.
      await expect(page).toHaveTitle(`● ${CLUSTERS} at risk · Raftscope`);
    } finally {
      await cluster.restart(victim.name);
    }
    await expect(statusFilter.getByRole("button", { name: `Healthy ${CLUSTERS}` })).toBeVisible({
      timeout: 30_000,
    });
    expect([...new Set(streams)]).toEqual(["/api/stream"]);
  });

  test("filters by status and text, and sorts by name", async ({ page }) => {
    await page.goto("/");
    const cards = page.getByRole("article", { name: /^Cluster Cluster \d+$/ });
    await expect(cards).toHaveCount(CLUSTERS);
    await page.getByRole("searchbox", { name: "Filter" }).fill("c3");
    await expect(cards).toHaveCount(1);
    await expect(page).toHaveURL(/[?&]q=c3/);
    await page.getByRole("searchbox", { name: "Filter" }).fill("");
    await page.getByRole("button", { name: /^unavailable 0$/i }).click();
    await expect(cards).toHaveCount(0);
    await page.getByRole("button", { name: /^all \d+$/i }).click();
    await page.getByRole("combobox", { name: "Sort" }).selectOption("name");
    await expect(cards.first()).toHaveAccessibleName("Cluster Cluster 1");
    await expect(cards.last()).toHaveAccessibleName("Cluster Cluster 8");
  });

  test("a cluster id that is not in the config answers 404 and leads back to the overview", async ({
    page,
  }) => {
    for (const url of ["/clusters/nope", "/clusters/nope/keys", "/clusters/nope/space"]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
    await page.getByRole("link", { name: "All clusters" }).click();
    await expect(page.getByRole("article", { name: /^Cluster Cluster \d+$/ })).toHaveCount(
      CLUSTERS,
    );
  });
});
