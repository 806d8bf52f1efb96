import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { type PrometheusServer, startPrometheus } from "../harness/prometheus-server";
import { historyResponseSchema } from "../lib/history/build-history";
import { fromColumns } from "../lib/history/history-columns";
import { prometheusAlertsResponseSchema } from "../lib/prometheus/prometheus-alert-view";

let cluster: EtcdCluster;
let dashboard: DashboardServer;
let prometheus: PrometheusServer;

// The etcd mixin's etcdMembersDown, with `for` shortened from 10m so the test sees it fire.
const MIXIN_RULES = {
  groups: [
    {
      name: "etcd",
      rules: [
        {
          alert: "etcdMembersDown",
          expr: 'max without (endpoint) (sum without (instance) (up{job=~".*etcd.*"} == bool 0) or count without (To) (sum without (instance) (rate(etcd_network_peer_sent_failures_total{job=~".*etcd.*"}[120s])) > 0.01)) > 0',
          for: "2s",
          labels: { severity: "critical" },
          annotations: {
            description: 'etcd cluster "{{ $labels.job }}": members are down ({{ $value }}).',
            summary: "etcd cluster members are down.",
          },
        },
        // Another cluster's alert: the selector must keep it off this cluster's panel.
        { alert: "otherClusterAlert", expr: "vector(1)", labels: { job: "other-etcd" } },
      ],
    },
  ],
};

async function getJson(p: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${dashboard.url}${p}`, { signal: AbortSignal.timeout(20_000) });
  return { status: res.status, body: await res.json() };
}

async function eventually<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not within ${timeoutMs / 1000} s; last error: ${String(last)}`);
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-prom-history-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  const tls = cluster.tlsFiles;
  const rulesFile = path.join(dir, "etcd-mixin-rules.yaml");
  writeFileSync(rulesFile, stringify(MIXIN_RULES));
  prometheus = await startPrometheus({
    dir: path.join(dir, "prometheus"),
    ruleFiles: [rulesFile],
    scrapeConfigs: [
      {
        job_name: "etcd",
        scheme: "https",
        // The members require a client certificate on /metrics, as kubeadm's do.
        tls_config: { ca_file: tls.ca, cert_file: tls.cert, key_file: tls.key },
        static_configs: [{ targets: cluster.members.map((m) => new URL(m.clientUrl).host) }],
      },
    ],
  });

  const dashDir = path.join(dir, "dashboard");
  mkdirSync(dashDir, { recursive: true });
  const configPath = path.join(dashDir, "raftscope.yaml");
  writeDashboardConfig(configPath, cluster, { includeExternal: true });
  const bearerFile = path.join(dir, "prometheus-bearer");
  writeFileSync(bearerFile, "not-checked-by-prometheus-0123456789\n", { mode: 0o600 });
  const config = parse(readFileSync(configPath, "utf8")) as { clusters: Record<string, unknown>[] };
  const demo = config.clusters.find((c) => c.id === "demo");
  if (demo) {
    demo.prometheus = {
      url: prometheus.url,
      selector: 'job="etcd"',
      scrapeIntervalSeconds: 1,
      bearer: { file: bearerFile },
    };
  }
  writeFileSync(configPath, stringify(config));
  dashboard = await startDashboard({
    configPath,
    dataDir: path.join(dashDir, "data"),
    logFile: path.join(dashDir, "server.log"),
  });

  // Writes, so fsync and commit histograms have observations to take a p99 of.
  const client = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles, {
    callTimeoutMs: 5_000,
  });
  try {
    for (let i = 0; i < 50; i++) await client.put(`/prom-history/${i}`).value(String(i));
  } finally {
    client.close();
  }
  await prometheus.waitFor('count(up{job="etcd"} == 1)', (s) => s[0]?.value === 3);
});

afterAll(async () => {
  await dashboard?.stop();
  await prometheus?.stop();
  await cluster?.teardown({ removeData: true });
});

describe("charts and alerts read from a real Prometheus scraping the members over mutual TLS", () => {
  it("answers 6 h, 24 h and 7 d windows with the etcd mixin's series for every member", async () => {
    const ids = cluster.members.map((m) => m.id ?? "").sort();
    const hours: Record<string, number> = { "6h": 6, "24h": 24, "7d": 168 };
    for (const window of ["6h", "24h", "7d"]) {
      const history = await eventually(async () => {
        const { status, body } = await getJson(
          // 500 points: 7 d is not a whole number of steps, yet the last point must be now.
          `/api/clusters/demo/history?window=${window}&points=500`,
        );
        expect(status).toBe(200);
        const h = historyResponseSchema.parse(body);
        const points = fromColumns(h.columns);
        const last = points.at(-1);
        const complete =
          last &&
          ids.every((id) => {
            const m = last.members[id];
            return (
              m?.dbSizeBytes !== undefined &&
              m.walFsyncP99Seconds !== undefined &&
              m.grpcRequestRate !== undefined &&
              m.residentMemoryBytes !== undefined
            );
          });
        return complete ? { ...h, points } : undefined;
      }, `history ${window} with every member`);
      expect(history.window).toBe(window);
      expect(Object.keys(history.points.at(-1)?.members ?? {}).sort()).toEqual(ids);
      expect(history.to - history.from).toBe((hours[window] ?? 0) * 3_600_000);
      // Never more points than the chart asked for.
      expect(history.points.length).toBeLessThanOrEqual(501);
    }
  });

  it("draws the same database size Prometheus holds for each member", async () => {
    const { body } = await getJson("/api/clusters/demo/history?window=6h&points=600");
    const last = fromColumns(historyResponseSchema.parse(body).columns).at(-1);
    for (const m of cluster.members) {
      const [sample] = await prometheus.query(
        `etcd_mvcc_db_total_size_in_bytes{job="etcd",instance="${new URL(m.clientUrl).host}"}`,
      );
      expect(last?.members[m.id ?? ""]?.dbSizeBytes).toBe(sample?.value);
      expect(last?.members[m.id ?? ""]?.reachable).toBe(true);
    }
  });

  it("refuses a long window for a cluster without a Prometheus source, naming why", async () => {
    const { status, body } = await getJson("/api/clusters/external/history?window=7d");
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/no prometheus source/);
    expect((await getJson("/api/clusters/external/prometheus-alerts")).status).toBe(404);
  });

  it("shows Prometheus' own alert for this cluster when a member goes down, and not another cluster's", async () => {
    const first = prometheusAlertsResponseSchema.parse(
      (await getJson("/api/clusters/demo/prometheus-alerts")).body,
    );
    expect(first.alerts).toEqual([]);
    expect(first.source).toBe(`${prometheus.url}/`);
    const victim = cluster.members[2]?.name ?? "";
    await cluster.kill(victim);
    try {
      const alerts = await eventually(async () => {
        const r = prometheusAlertsResponseSchema.parse(
          (await getJson("/api/clusters/demo/prometheus-alerts")).body,
        );
        return r.alerts.some((a) => a.state === "firing") ? r.alerts : undefined;
      }, "etcdMembersDown firing");
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        name: "etcdMembersDown",
        state: "firing",
        severity: "critical",
        summary: "etcd cluster members are down.",
        labels: { job: "etcd" },
      });
      expect(alerts[0]?.activeAt).toMatch(/^\d{4}-/);
    } finally {
      await cluster.restart(victim);
    }
  });
});
