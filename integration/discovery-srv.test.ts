import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDashboard } from "../harness/dashboard-server";
import { type DnsServer, startDnsServer } from "../harness/dns-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { ConfigError } from "../lib/errors";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { loadConfig, type RaftscopeConfig } from "../lib/server/config";
import { withDiscoveredEndpoints } from "../lib/server/discovery/with-discovered-endpoints";
import { EventLog } from "../lib/server/event-log";
import { until } from "./poller-support";

let cluster: EtcdCluster;
let dns: DnsServer;
let dir: string;

function clientPort(): number {
  return Number(new URL(cluster.endpoints[0] ?? "").port);
}

/** Zero-config from etcdctl's variables, with endpoints found through the test's DNS server. */
function discover(env: Record<string, string>): Promise<RaftscopeConfig> {
  const full = {
    ETCDCTL_CACERT: cluster.tlsFiles.ca,
    ETCDCTL_CERT: cluster.tlsFiles.cert,
    ETCDCTL_KEY: cluster.tlsFiles.key,
    RAFTSCOPE_DATA_DIR: dir,
    RAFTSCOPE_DNS_SERVERS: dns.address,
    ...env,
  };
  return withDiscoveredEndpoints(loadConfig(full), full);
}

function pollerFor(config: RaftscopeConfig): ClusterPoller {
  const c = config.clusters[0];
  if (!c) throw new Error("no cluster");
  const logDir = mkdtempSync(path.join(dir, "log-"));
  return new ClusterPoller(
    { ...c, pollIntervalMs: 500, scrapeIntervalMs: 1_000, deadlineMs: 2_000 },
    new EventLog({ dir: logDir, clusterId: c.id }),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-srv-"));
  cluster = await EtcdCluster.start({ size: 1, dir: path.join(dir, "cluster") });
  const port = clientPort();
  // The harness's member certificates name localhost and 127.0.0.1 only.
  dns = await startDnsServer({
    srv: [
      { name: "_etcd-client-ssl._tcp.good.test", target: "localhost", port },
      { name: "_etcd-client._tcp.plain.test", target: "localhost", port: 2379 },
      { name: "_etcd-client-ssl-prod._tcp.named.test", target: "localhost", port },
      { name: "_etcd-client-ssl._tcp.wrong.test", target: "etcd-1.wrong.test", port },
    ],
    a: [
      { name: "localhost", address: "127.0.0.1" },
      { name: "etcd-1.wrong.test", address: "127.0.0.1" },
    ],
  });
});

afterAll(async () => {
  await dns?.stop();
  await cluster?.teardown({ removeData: true });
});

describe("DNS SRV discovery through a real DNS server", () => {
  it("finds the cluster from _etcd-client-ssl._tcp and verifies TLS against the target name", async () => {
    const config = await discover({ ETCDCTL_DISCOVERY_SRV: "good.test" });
    // dnsmasq answers "localhost." (absolute); the dot is gone from the URL and the TLS name.
    expect(config.clusters[0]?.endpoints).toEqual([`https://localhost:${clientPort()}`]);
    const poller = pollerFor(config);
    poller.start();
    try {
      const h = await until(poller, (x) => x.members.length === 1 && x.leader !== null);
      expect(h.members[0]?.reachable).toBe(true);
    } finally {
      await poller.stop();
    }
  });

  it("falls back to _etcd-client._tcp (http), unless insecure discovery is off", async () => {
    const config = await discover({ ETCDCTL_DISCOVERY_SRV: "plain.test" });
    expect(config.clusters[0]?.endpoints).toEqual(["http://localhost:2379"]);
    const refused = await discover({
      ETCDCTL_DISCOVERY_SRV: "plain.test",
      ETCDCTL_INSECURE_DISCOVERY: "false",
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as Error).message).toMatch(/_etcd-client-ssl\._tcp\.plain\.test/);
  });

  it("asks _etcd-client-ssl-<name>._tcp with a service name", async () => {
    const config = await discover({
      ETCDCTL_DISCOVERY_SRV: "named.test",
      ETCDCTL_DISCOVERY_SRV_NAME: "prod",
    });
    expect(config.clusters[0]?.endpoints).toEqual([`https://localhost:${clientPort()}`]);
  });

  it("refuses a member whose certificate does not carry the SRV target's name", async () => {
    const config = await discover({ ETCDCTL_DISCOVERY_SRV: "wrong.test" });
    expect(config.clusters[0]?.endpoints).toEqual([`https://etcd-1.wrong.test:${clientPort()}`]);
    const poller = pollerFor(config);
    poller.start();
    try {
      await until(poller, () => /etcd-1\.wrong\.test/.test(poller.snapshot().discoveryError ?? ""));
      expect(poller.snapshot().discoveryError).toMatch(
        /certificate CN=m1 .* does not cover etcd-1\.wrong\.test/,
      );
    } finally {
      await poller.stop();
    }
  });

  it("names both SRV names when the domain has neither", async () => {
    const err = await discover({ ETCDCTL_DISCOVERY_SRV: "missing.test" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(
      /DNS SRV discovery for missing\.test found no endpoint \(_etcd-client-ssl\._tcp\.missing\.test: \w+; _etcd-client\._tcp\.missing\.test: \w+\)/,
    );
  });

  it("starts the production server from a config's discoverySrv", async () => {
    const tls = cluster.tlsFiles;
    const configPath = path.join(dir, "srv.yaml");
    writeFileSync(
      configPath,
      `clusters:\n  - id: srv\n    discoverySrv: good.test\n    tls: { ca: ${tls.ca}, cert: ${tls.cert}, key: ${tls.key} }\n`,
    );
    const logFile = path.join(dir, "server.log");
    const server = await startDashboard({
      configPath,
      dataDir: path.join(dir, "data"),
      logFile,
      env: { RAFTSCOPE_DNS_SERVERS: dns.address },
    });
    try {
      const deadline = Date.now() + 30_000;
      let body: { members?: Array<{ reachable: boolean }> } = {};
      while (Date.now() < deadline) {
        const res = await fetch(`${server.url}/api/clusters/srv/health`, {
          signal: AbortSignal.timeout(10_000),
        });
        body = (await res.json()) as typeof body;
        if (body.members?.[0]?.reachable) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(body.members?.[0]?.reachable).toBe(true);
      const log = readFileSync(logFile, "utf8");
      expect(log).toContain(`endpoints from DNS SRV good.test: https://localhost:${clientPort()}`);
    } finally {
      await server.stop();
    }
  });
});
