import { describe, expect, it } from "vitest";
import { etcdctlWarnings } from "./etcdctl-warnings";

describe("etcdctlWarnings", () => {
  it("is silent for the variables Raftscope reads, and for ETCDCTL_API=3", () => {
    expect(
      etcdctlWarnings({
        ETCDCTL_API: "3",
        ETCDCTL_ENDPOINTS: "https://10.0.0.1:2379",
        ETCDCTL_CACERT: "/ca.crt",
        ETCDCTL_CERT: "/c.crt",
        ETCDCTL_KEY: "/c.key",
        ETCDCTL_USER: "dashboard:pw",
        PATH: "/usr/bin",
      }),
    ).toEqual([]);
  });

  it("names each variable Raftscope does not use, with a hint where there is one", () => {
    expect(
      etcdctlWarnings({
        ETCDCTL_ENDPOINTS: "https://10.0.0.1:2379",
        ETCDCTL_INSECURE_SKIP_TLS_VERIFY: "true",
        ETCDCTL_DIAL_TIMEOUT: "5s",
        ETCDCTL_SOMETHING_NEW: "x",
        ETCDCTL_API: "2",
      }),
    ).toEqual([
      "ETCDCTL_API is set but Raftscope does not use it: Raftscope speaks etcd's v3 API only",
      "ETCDCTL_DIAL_TIMEOUT is set but Raftscope does not use it: set deadlineMs in a config file (RAFTSCOPE_CONFIG) instead",
      "ETCDCTL_INSECURE_SKIP_TLS_VERIFY is set but Raftscope does not use it: Raftscope always verifies members' certificates",
      "ETCDCTL_SOMETHING_NEW is set but Raftscope does not use it",
    ]);
  });

  it("says every ETCDCTL_* variable is ignored when a config file names the clusters", () => {
    expect(
      etcdctlWarnings({ RAFTSCOPE_CONFIG: "/etc/raftscope.yaml", ETCDCTL_USER: "dashboard:pw" }),
    ).toEqual(["ETCDCTL_USER is ignored: RAFTSCOPE_CONFIG names the clusters"]);
  });

  it("says the endpoints lose to SRV discovery, and discovery options need a domain", () => {
    expect(
      etcdctlWarnings({
        ETCDCTL_ENDPOINTS: "https://a:2379",
        ETCDCTL_DISCOVERY_SRV: "example.com",
      }),
    ).toEqual([
      "ETCDCTL_ENDPOINTS is ignored: ETCDCTL_DISCOVERY_SRV is set and wins, as in etcdctl",
    ]);
    expect(
      etcdctlWarnings({ ETCDCTL_ENDPOINTS: "https://a:2379", ETCDCTL_DISCOVERY_SRV_NAME: "prod" }),
    ).toEqual(["ETCDCTL_DISCOVERY_SRV_NAME is ignored without ETCDCTL_DISCOVERY_SRV"]);
  });
});
