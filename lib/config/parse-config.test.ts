import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors";
import { configFromEtcdctlEnvironment, parseConfigText } from "./parse-config";

const good = `
clusters:
  - id: prod-eu
    name: Production EU
    endpoints: [https://10.0.0.1:2379]
    tls: { ca: /etc/etcd/ca.crt, cert: /etc/etcd/client.crt, key: /etc/etcd/client.key }
    topology:
      mode: stacked
      nodes:
        - { name: cp-1, address: 10.0.0.1, roles: [control-plane, etcd, kube-apiserver] }
      apiServers:
        - { name: apiserver-cp-1, node: cp-1, etcdServers: [https://10.0.0.1:2379] }
`;

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfigText", () => {
  it("reads a YAML file with defaults filled in", () => {
    const cfg = parseConfigText(good, "raftscope.yaml");
    const c = cfg.clusters[0];
    expect(c?.id).toBe("prod-eu");
    expect(c?.pollIntervalMs).toBe(1000);
    expect(c?.deadlineMs).toBe(1000);
    expect(c?.topology?.nodes[0]?.roles).toContain("etcd");
  });

  it("reads JSON too", () => {
    const cfg = parseConfigText(
      JSON.stringify({ clusters: [{ id: "a", endpoints: ["http://127.0.0.1:2379"] }] }),
      "c.json",
    );
    expect(cfg.clusters[0]?.endpoints).toEqual(["http://127.0.0.1:2379"]);
  });

  it("names the field and what was expected", () => {
    const text = good.replace("https://10.0.0.1:2379]\n    tls", "not-a-url]\n    tls");
    expect(message(() => parseConfigText(text, "raftscope.yaml"))).toMatch(
      /raftscope\.yaml.*\n.*clusters\[0\]\.endpoints\[0\]: expected a URL/,
    );
  });

  it("rejects an unknown topology mode and an unknown field", () => {
    expect(
      message(() => parseConfigText(good.replace("mode: stacked", "mode: hybrid"), "f")),
    ).toMatch(/clusters\[0\]\.topology\.mode/);
    expect(
      message(() => parseConfigText(good.replace("name: Production EU", "nmae: x"), "f")),
    ).toMatch(/nmae/);
  });

  it("rejects duplicate cluster ids", () => {
    const dup = { clusters: [1, 2].map(() => ({ id: "a", endpoints: ["http://127.0.0.1:2379"] })) };
    expect(message(() => parseConfigText(JSON.stringify(dup), "f"))).toMatch(
      /clusters\[1\]\.id: duplicate cluster id "a"/,
    );
  });

  it("explains a file that is not YAML at all", () => {
    expect(message(() => parseConfigText("clusters: [", "bad.yaml"))).toMatch(
      /bad\.yaml is not valid YAML/,
    );
  });
});

describe("configFromEtcdctlEnvironment", () => {
  it("builds the default cluster from etcdctl's variables", () => {
    const cfg = configFromEtcdctlEnvironment({
      RAFTSCOPE_DATA_DIR: "./data",
      ETCDCTL_ENDPOINTS: "https://127.0.0.1:2379, https://127.0.0.1:22379",
      ETCDCTL_CACERT: "/c/ca.crt",
      ETCDCTL_CERT: "/c/client.crt",
      ETCDCTL_KEY: "/c/client.key",
    });
    expect(cfg.clusters[0]?.id).toBe("default");
    expect(cfg.clusters[0]?.endpoints).toHaveLength(2);
    expect(cfg.clusters[0]?.tls?.key).toBe("/c/client.key");
  });

  it("refuses half a set of TLS variables", () => {
    expect(
      message(() =>
        configFromEtcdctlEnvironment({
          RAFTSCOPE_DATA_DIR: "./data",
          ETCDCTL_ENDPOINTS: "https://127.0.0.1:2379",
          ETCDCTL_CACERT: "/c/ca.crt",
        }),
      ),
    ).toMatch(/must be set together/);
  });
});

describe("endpoint sources", () => {
  const cluster = (fields: string) => `clusters:\n  - id: a\n${fields}`;

  it("accepts discoverySrv in place of endpoints", () => {
    const c = parseConfigText(
      cluster("    discoverySrv: example.com\n    discoverySrvName: prod\n"),
      "f.yaml",
    ).clusters[0];
    expect(c).toMatchObject({
      discoverySrv: "example.com",
      discoverySrvName: "prod",
      endpoints: [],
    });
  });

  it("wants one of endpoints and discoverySrv, not both", () => {
    expect(message(() => parseConfigText(cluster("    name: x\n"), "f.yaml"))).toMatch(
      /clusters\[0\]\.endpoints: expected at least one etcd endpoint \(or discoverySrv/,
    );
    expect(
      message(() =>
        parseConfigText(
          cluster("    endpoints: [https://10.0.0.1:2379]\n    discoverySrv: example.com\n"),
          "f.yaml",
        ),
      ),
    ).toMatch(/clusters\[0\]\.discoverySrv: expected either endpoints or discoverySrv, not both/);
    expect(
      message(() => parseConfigText(cluster("    discoverySrv: 'not a domain'\n"), "f.yaml")),
    ).toMatch(/discoverySrv: expected a DNS domain/);
  });

  it("takes ETCDCTL_DISCOVERY_SRV over ETCDCTL_ENDPOINTS, as etcdctl does", () => {
    const c = configFromEtcdctlEnvironment({
      RAFTSCOPE_DATA_DIR: "./data",
      ETCDCTL_ENDPOINTS: "https://10.0.0.1:2379",
      ETCDCTL_DISCOVERY_SRV: "example.com",
      ETCDCTL_INSECURE_DISCOVERY: false,
    }).clusters[0];
    expect(c).toMatchObject({
      endpoints: [],
      discoverySrv: "example.com",
      insecureDiscovery: false,
    });
  });
});

describe("etcd authentication", () => {
  it("takes a user and a password file, never a password inline", () => {
    const c = parseConfigText(
      "clusters:\n  - id: a\n    endpoints: [https://10.0.0.1:2379]\n    auth: { username: dashboard, passwordFile: /etc/raftscope/pw }\n",
      "f.yaml",
    ).clusters[0];
    expect(c?.auth).toEqual({ username: "dashboard", passwordFile: "/etc/raftscope/pw" });
    expect(
      message(() =>
        parseConfigText(
          "clusters:\n  - id: a\n    endpoints: [https://10.0.0.1:2379]\n    auth: { username: dashboard, password: pw }\n",
          "f.yaml",
        ),
      ),
    ).toMatch(/auth/);
  });
});
