import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { type DashboardServer, startDashboardFor } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { seedDemoData } from "../harness/seed";

interface WorkerFixtures {
  /** A real 3-member cluster with mutual TLS and the demo data seeded. */
  cluster: EtcdCluster;
  /** The production build of Raftscope watching `cluster` as `demo` (stacked) and `external`. */
  dashboard: DashboardServer;
}

export const test = base.extend<{ restoreMembers: undefined }, WorkerFixtures>({
  cluster: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring form.
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), "raftscope-e2e-"));
      const cluster = await EtcdCluster.start({ size: 3, dir });
      await seedDemoData(cluster);
      await use(cluster);
      await cluster.teardown({ removeData: true });
    },
    { scope: "worker", timeout: 120_000 },
  ],
  dashboard: [
    async ({ cluster }, use) => {
      const server = await startDashboardFor(cluster, cluster.dir, { includeExternal: true });
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  baseURL: async ({ dashboard }, use) => {
    await use(dashboard.url);
  },
  /** Brings every stopped or frozen member back after a test that injected a fault. */
  restoreMembers: [
    async ({ cluster }, use) => {
      await use(undefined);
      for (const m of cluster.members) {
        if (m.state === "frozen") cluster.thaw(m.name);
      }
      // In parallel: a restarted member serves clients only once quorum is back.
      await Promise.all(
        cluster.members
          .filter((m) => m.state === "stopped")
          .map((m) => cluster.restart(m.name, { requireLeader: false })),
      );
      await cluster.waitForLeader({ timeoutMs: 20_000 });
    },
    { auto: true },
  ],
});

export { expect };
