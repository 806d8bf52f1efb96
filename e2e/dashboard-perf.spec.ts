import { gzipSync } from "node:zlib";
import type { Response } from "@playwright/test";
import type { HistoryWindow } from "../lib/api/query-schemas";
import { buildHistory } from "../lib/history/build-history";
import { dashboardPage } from "./dashboard-page";
import { expect, test } from "./fixtures";
import { syntheticHealth, syntheticHistory, syntheticMembers } from "./synthetic-cluster";

test.describe("dashboard performance", () => {
  test("first-load JavaScript of the cluster page", async ({ page, cluster }, testInfo) => {
    await cluster.waitForLeader();
    const scripts = new Map<string, Promise<Buffer>>();
    // Only what loads before the load event counts: the charts' chunk arrives later on purpose.
    const onResponse = (res: Response) => {
      if (res.request().resourceType() === "script") scripts.set(res.url(), res.body());
    };
    page.on("response", onResponse);
    await page.goto("/clusters/demo", { waitUntil: "load" });
    page.off("response", onResponse);
    await expect(dashboardPage(page).leader).not.toHaveText(/none$/);
    let raw = 0;
    let gzipped = 0;
    for (const body of await Promise.all(scripts.values())) {
      raw += body.length;
      gzipped += gzipSync(body, { level: 9 }).length;
    }
    const kb = (n: number) => Math.round(n / 1024);
    testInfo.annotations.push({
      type: "first-load JS",
      description: `${scripts.size} scripts, ${kb(raw)} KiB raw, ${kb(gzipped)} KiB gzipped`,
    });
    expect(gzipped).toBeLessThan(300 * 1024);
  });

  test("renders a 1-hour window at 1 s resolution for 5 members across all charts", async ({
    page,
  }, testInfo) => {
    const now = Date.now();
    const raw = syntheticHistory(now, 3600);
    const serverTimes: string[] = [];
    // The page talks to a synthetic 5-member cluster: health polled (no stream), history served
    // by the same downsampling the server does, from one sample a second.
    await page.route("**/api/clusters/demo/stream", (route) => route.abort());
    await page.route("**/api/clusters/demo/health", (route) =>
      route.fulfill({ json: syntheticHealth(now) }),
    );
    await page.route("**/api/clusters/demo/history?*", async (route) => {
      const url = new URL(route.request().url());
      const t0 = performance.now();
      const body = buildHistory({
        clusterId: "demo",
        history: raw,
        members: syntheticMembers,
        window: (url.searchParams.get("window") ?? "15m") as HistoryWindow,
        maxPoints: Number(url.searchParams.get("points") ?? 600),
        now,
      });
      serverTimes.push(
        `${url.searchParams.get("window")}/${url.searchParams.get("points")}: ${(performance.now() - t0).toFixed(1)}`,
      );
      await route.fulfill({ json: body });
    });

    await page.goto("/clusters/demo?window=5m");
    const d = dashboardPage(page);
    await expect(d.leader).toContainText("bench-1");
    await expect(page.getByRole("figure", { name: "Process memory (RSS)" })).toBeVisible();

    const runs: number[] = [];
    for (const want of ["1h", "5m", "1h", "5m", "1h"]) {
      // Timed in the page from the click to the frame in which every chart has drawn its lines;
      // data-window and data-chart exist on the charts for this measurement.
      const ms = await page.evaluate(async (w) => {
        const radio = document.querySelector<HTMLInputElement>(
          `input[name="chart-window"][value="${w}"]`,
        );
        if (!radio) throw new Error("no window selector");
        const t0 = performance.now();
        radio.click();
        await new Promise<void>((resolve) => {
          const done = () => {
            const section = document.querySelector(`[data-window="${w}"]`);
            const figures = [...document.querySelectorAll("figure[data-chart]")];
            const drawn = figures.filter((f) => f.querySelector("path.recharts-line-curve")).length;
            if (section && figures.length === 10 && drawn === 10) resolve();
            else requestAnimationFrame(done);
          };
          requestAnimationFrame(done);
        });
        return performance.now() - t0;
      }, want);
      if (want === "1h") runs.push(ms);
    }
    await expect(d.windowOption("1 hour")).toBeChecked();
    await page.screenshot({ path: testInfo.outputPath("perf-1h-5-members.png"), fullPage: true });
    const points = await page
      .getByRole("figure", { name: "WAL fsync p99" })
      .getAttribute("data-points");
    testInfo.annotations.push(
      {
        type: "1h render (ms, after the window click)",
        description: runs.map((r) => r.toFixed(0)).join(", "),
      },
      { type: "points per series", description: String(points) },
      {
        type: "server downsample (ms)",
        description: serverTimes.join(", "),
      },
    );
    expect(Number(points)).toBeLessThanOrEqual(700);
  });
});
