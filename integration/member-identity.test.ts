import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { EventLog } from "../lib/server/event-log";
import { until } from "./poller-support";

// Members 2 and 3 advertise member 1's client URL first, as layouts behind a shared VIP or
// localhost-first configurations do. Every answer must be attributed to who answered.
describe("members that advertise another member's client URL first", () => {
  let cluster: EtcdCluster;
  let poller: ClusterPoller;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-identity-")),
      advertiseClientUrls: (own, all, name) => {
        const first = all.get("m1");
        return name === "m1" || !first ? [own] : [first, own];
      },
    });
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-identity-poller-"));
    const config = clusterConfigSchema.parse({
      id: "t",
      endpoints: cluster.endpoints.slice(0, 1),
      tls: cluster.tlsFiles,
    });
    poller = new ClusterPoller(config, new EventLog({ dir, clusterId: "t" }));
    poller.start();
  });

  afterAll(async () => {
    await poller?.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("shows each member's own answer, from the URL that answers as it", async () => {
    const h = await until(
      poller,
      (x) => x.members.length === 3 && x.members.every((m) => m.reachable),
    );
    for (const m of cluster.members) {
      const view = h.members.find((v) => v.name === m.name);
      expect(view?.endpoint, m.name).toBe(m.clientUrl);
      expect(view?.id).toBe(m.id);
    }
    expect(h.quorum.remaining).toBe(1);
  });

  it("shows a stopped member down, naming the member that answers its first URL", async () => {
    await cluster.stop("m2");
    const h = await until(
      poller,
      (x) => x.members.find((m) => m.name === "m2")?.reachable === false,
      20_000,
    );
    const m2 = h.members.find((m) => m.name === "m2");
    expect(m2?.state).toBe("unreachable");
    expect(h.quorum.healthyVoters).toBe(2);
    expect(h.quorum.remaining).toBe(0);
    expect(h.status).toBe("critical");
    await cluster.restart("m2");
    await until(poller, (x) => x.members.every((m) => m.reachable), 30_000);
  });
});
