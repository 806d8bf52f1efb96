import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { PROMTOOL_BIN, type PrometheusServer, startPrometheus } from "../harness/prometheus-server";

const LOGIN_TOKEN = "integration-login-token-0123456789";
const SCRAPE_TOKEN = "integration-scrape-token-9876543210";
const RULES = path.resolve("deploy/prometheus/raftscope-rules.yaml");

let cluster: EtcdCluster;
let dashboard: DashboardServer;
let prometheus: PrometheusServer;

function secretFile(file: string, text: string): string {
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-prom-export-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  const dashDir = path.join(dir, "dashboard");
  mkdirSync(dashDir, { recursive: true });
  const configPath = path.join(dashDir, "raftscope.yaml");
  writeDashboardConfig(configPath, cluster);
  dashboard = await startDashboard({
    configPath,
    dataDir: path.join(dashDir, "data"),
    logFile: path.join(dashDir, "server.log"),
    env: {
      RAFTSCOPE_AUTH: "token",
      RAFTSCOPE_AUTH_TOKEN_FILE: secretFile(path.join(dir, "login-token"), LOGIN_TOKEN),
      RAFTSCOPE_METRICS_TOKEN_FILE: secretFile(path.join(dir, "scrape-token"), SCRAPE_TOKEN),
    },
    readyHeaders: { authorization: `Bearer ${LOGIN_TOKEN}` },
  });
  const target = new URL(dashboard.url).host;
  prometheus = await startPrometheus({
    dir: path.join(dir, "prometheus"),
    ruleFiles: [RULES],
    scrapeConfigs: [
      {
        job_name: "raftscope",
        authorization: {
          type: "Bearer",
          credentials_file: secretFile(path.join(dir, "prom-scrape-token"), SCRAPE_TOKEN),
        },
        static_configs: [{ targets: [target] }],
      },
    ],
  });
});

afterAll(async () => {
  await prometheus?.stop();
  await dashboard?.stop();
  await cluster?.teardown({ removeData: true });
});

describe("Raftscope's verdict scraped by a real Prometheus", () => {
  it("opens /metrics to the scrape token and the login token only, and the scrape token nothing else", async () => {
    const get = (p: string, token?: string) =>
      fetch(`${dashboard.url}${p}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(10_000),
      });
    expect((await get("/metrics")).status).toBe(401);
    expect((await get("/metrics", "wrong-token-0123456789")).status).toBe(401);
    expect((await get("/api/clusters", SCRAPE_TOKEN)).status).toBe(401);
    const scraped = await get("/metrics", SCRAPE_TOKEN);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    expect(text).toMatch(/^# TYPE raftscope_cluster_remaining_failures gauge$/m);
    expect(text).toMatch(/^# TYPE raftscope_cluster_leader_changes_total counter$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
    expect((await get("/metrics", LOGIN_TOKEN)).status).toBe(200);
  });

  it("is scraped, and remaining failures drop to 0 after a member is killed", async () => {
    await prometheus.waitFor('up{job="raftscope"}', (s) => s[0]?.value === 1);
    const members = await prometheus.waitFor(
      'sum by (cluster) (raftscope_member_up{cluster="demo"})',
      (s) => s[0]?.value === 3,
    );
    expect(members).toHaveLength(1);
    await prometheus.waitFor(
      'raftscope_cluster_remaining_failures{cluster="demo"}',
      (s) => s[0]?.value === 1,
    );
    const [leader] = await prometheus.query('raftscope_member_role{role="leader"} == 1');
    expect(leader?.metric.member).toBe(await cluster.leader());
    const statusNow = await prometheus.query('raftscope_cluster_status{cluster="demo"} == 1');
    expect(statusNow.map((s) => s.metric.state)).toEqual(["healthy"]);

    const follower = cluster.members.find((m) => m.name !== leader?.metric.member)?.name ?? "";
    await cluster.kill(follower);
    await prometheus.waitFor(
      'raftscope_cluster_remaining_failures{cluster="demo"}',
      (s) => s[0]?.value === 0,
    );
    const down = await prometheus.query(`raftscope_member_up{member="${follower}"}`);
    expect(down[0]?.value).toBe(0);
    expect((await prometheus.query('raftscope_cluster_writable{cluster="demo"}'))[0]?.value).toBe(
      1,
    );
    const critical = await prometheus.query('raftscope_cluster_status{cluster="demo"} == 1');
    expect(critical.map((s) => s.metric.state)).toEqual(["critical"]);
    // The rule file's own alert, evaluated by this Prometheus: pending until its `for` passes.
    await prometheus.waitFor(
      'ALERTS{alertname="RaftscopeEtcdNoFailureTolerance",cluster="demo"}',
      (s) => s[0]?.metric.alertstate === "pending",
    );

    await cluster.restart(follower);
    await prometheus.waitFor(
      'raftscope_cluster_remaining_failures{cluster="demo"}',
      (s) => s[0]?.value === 1,
    );
  });

  it("counts a leader change", async () => {
    const before =
      (await prometheus.query('raftscope_cluster_leader_changes_total{cluster="demo"}'))[0]
        ?.value ?? 0;
    const leader = (await cluster.leader()) ?? "";
    await cluster.kill(leader);
    await prometheus.waitFor(
      'raftscope_cluster_leader_changes_total{cluster="demo"}',
      (s) => (s[0]?.value ?? 0) > before,
    );
    await cluster.restart(leader);
  });

  it("ships a rule file that promtool accepts and whose unit tests pass", () => {
    const check = execFileSync(PROMTOOL_BIN, ["check", "rules", RULES], { encoding: "utf8" });
    expect(check).toMatch(/SUCCESS: 4 rules found/);
    const tests = execFileSync(
      PROMTOOL_BIN,
      ["test", "rules", path.resolve("deploy/prometheus/raftscope-rules.test.yaml")],
      { encoding: "utf8" },
    );
    expect(tests).toMatch(/SUCCESS/);
  });
});
