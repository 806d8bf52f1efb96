import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { parse, stringify } from "yaml";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { type PrometheusServer, startPrometheus } from "../harness/prometheus-server";

let cluster: EtcdCluster;
let prometheus: PrometheusServer;
let dashboard: DashboardServer;

const RULES = {
  groups: [
    {
      name: "etcd",
      rules: [
        {
          alert: "etcdMembersDown",
          expr: 'max without (endpoint) (sum without (instance) (up{job=~".*etcd.*"} == bool 0)) > 0',
          for: "1s",
          labels: { severity: "critical" },
          annotations: { summary: "etcd cluster members are down." },
        },
      ],
    },
  ],
};

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-e2e-prom-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  const tls = cluster.tlsFiles;
  const etcdJob = {
    job_name: "etcd",
    scheme: "https",
    tls_config: { ca_file: tls.ca, cert_file: tls.cert, key_file: tls.key },
    static_configs: [{ targets: cluster.members.map((m) => new URL(m.clientUrl).host) }],
  };
  const rulesFile = path.join(dir, "rules.yaml");
  writeFileSync(rulesFile, stringify(RULES));
  prometheus = await startPrometheus({
    dir: path.join(dir, "prometheus"),
    ruleFiles: [rulesFile],
    scrapeConfigs: [etcdJob],
  });
  const dashDir = path.join(dir, "dashboard");
  mkdirSync(dashDir, { recursive: true });
  const configPath = path.join(dashDir, "raftscope.yaml");
  writeDashboardConfig(configPath, cluster);
  const config = parse(readFileSync(configPath, "utf8")) as { clusters: Record<string, unknown>[] };
  for (const c of config.clusters) {
    c.prometheus = { url: prometheus.url, selector: 'job="etcd"', scrapeIntervalSeconds: 1 };
  }
  writeFileSync(configPath, stringify(config));
  dashboard = await startDashboard({
    configPath,
    dataDir: path.join(dashDir, "data"),
    logFile: path.join(dashDir, "server.log"),
    env: {
      RAFTSCOPE_FLEET_PROMETHEUS: prometheus.url,
      RAFTSCOPE_FLEET_SELECTOR: 'job="raftscope"',
    },
  });
  prometheus.setScrapeConfigs([
    etcdJob,
    {
      job_name: "raftscope",
      static_configs: [{ targets: [new URL(dashboard.url).host], labels: { url: dashboard.url } }],
    },
  ]);
});

test.afterAll(async () => {
  await dashboard?.stop();
  await prometheus?.stop();
  await cluster?.teardown({ removeData: true });
});

test("a 7-day window draws from Prometheus, and Prometheus' own alerts show beside the rules", async ({
  page,
}, testInfo) => {
  // Rates need two scrapes inside their window: wait until every member has one.
  await prometheus.waitFor(
    'count(rate(etcd_server_proposals_committed_total{job="etcd"}[1m]))',
    (s) => s[0]?.value === 3,
  );
  await page.goto(`${dashboard.url}/clusters/demo?window=7d`);
  await expect(page.getByRole("heading", { name: "Health history from Prometheus" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "7 days from Prometheus" })).toBeChecked();
  await expect(page.getByRole("figure").first()).toBeVisible();
  await expect(page.getByText(/: loading…$/)).toHaveCount(0);
  await expect(page.getByText(/No data: Prometheus holds no samples/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Alerts in Prometheus/ })).toBeVisible();
  await expect(page.getByText("Prometheus has no alert firing or pending")).toBeVisible();

  const victim = cluster.members[2]?.name ?? "";
  await cluster.kill(victim);
  try {
    const table = page.getByRole("table", { name: "Alerts firing and pending in Prometheus" });
    await expect(table.getByRole("rowheader", { name: /etcdMembersDown/ })).toBeVisible({
      timeout: 40_000,
    });
    await expect(table.getByText("etcd cluster members are down.")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("prometheus-history.png"), fullPage: true });
  } finally {
    await cluster.restart(victim);
  }
});

test("the overview lists the fleet from Prometheus with a link to the Raftscope watching each cluster", async ({
  page,
}, testInfo) => {
  await prometheus.waitFor('up{job="raftscope"}', (s) => s[0]?.value === 1, 40_000);
  await page.goto(dashboard.url);
  const fleet = page.getByRole("table", { name: "Clusters in the fleet" });
  const link = fleet.getByRole("link", { name: "Demo control plane" });
  await expect(link).toBeVisible({ timeout: 40_000 });
  await expect(link).toHaveAttribute("href", `${dashboard.url}/clusters/demo`);
  await page.screenshot({ path: testInfo.outputPath("fleet.png"), fullPage: true });
  await link.click();
  await expect(page).toHaveURL(`${dashboard.url}/clusters/demo`);
});
