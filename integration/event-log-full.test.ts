import { closeSync, mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { EventLog } from "../lib/server/event-log";
import { until } from "./poller-support";

// Saving events is a side job: a full disk must not stop or hide the verdict. /dev/full answers
// every write with ENOSPC, as a full data volume does.
describe("an event log on a full disk during a real leader change", () => {
  let cluster: EtcdCluster;
  let poller: ClusterPoller;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-full-")),
    });
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-full-log-"));
    const log = new EventLog({ dir, clusterId: "t" });
    // The log's file descriptor now points at /dev/full: every append fails with ENOSPC.
    const held = log as unknown as { fd: number };
    closeSync(held.fd);
    held.fd = openSync("/dev/full", "w");
    const config = clusterConfigSchema.parse({
      id: "t",
      endpoints: cluster.endpoints.slice(0, 1),
      tls: cluster.tlsFiles,
    });
    poller = new ClusterPoller(config, log);
    poller.start();
    await until(poller, (h) => h.leader !== null && h.members.length === 3);
  });

  afterAll(async () => {
    await poller?.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("keeps publishing the verdict, and says events are not being saved", async () => {
    const old = await cluster.waitForLeader();
    await cluster.kill(old);
    const next = await cluster.waitForLeader({ exclude: old });
    const h = await until(
      poller,
      (x) => x.leader?.name === next && x.eventLogProblem !== null,
      20_000,
    );
    expect(h.eventLogProblem).toMatch(/ENOSPC|no space/i);
    expect(h.warnings.find((w) => w.code === "EVENTS_NOT_SAVED")?.message).toMatch(
      /^Events are not being saved: /,
    );
    // The verdict goes on: it follows the cluster after the failed save.
    await cluster.restart(old);
    await until(poller, (x) => x.members.every((m) => m.reachable), 30_000);
  });
});
