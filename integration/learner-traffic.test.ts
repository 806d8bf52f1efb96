import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterConfigSchema } from "../lib/config/config-schema";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { getFromMember } from "../lib/server/etcd/member-http";
import { EventLog } from "../lib/server/event-log";
import { until } from "./poller-support";

// The etcd mixin counts these gRPC codes as failed requests (etcdHighNumberOfFailedGRPCRequests).
const FAILURE_CODES = [
  "Unknown",
  "FailedPrecondition",
  "ResourceExhausted",
  "Internal",
  "Unavailable",
  "DataLoss",
  "DeadlineExceeded",
];
const WATCH_MS = Number(process.env.RAFTSCOPE_LEARNER_WATCH_MS ?? 60_000);

/** Failed gRPC requests a member has counted, by method. */
async function failures(url: string, tls: { ca: string; cert: string; key: string }) {
  const { readFileSync } = await import("node:fs");
  const text = await getFromMember(
    url,
    "/metrics",
    { ca: readFileSync(tls.ca), cert: readFileSync(tls.cert), key: readFileSync(tls.key) },
    5_000,
  );
  const out: Record<string, number> = {};
  for (const line of text.split("\n")) {
    if (!line.startsWith("grpc_server_handled_total{")) continue;
    const code = /grpc_code="([^"]+)"/.exec(line)?.[1] ?? "";
    if (!FAILURE_CODES.includes(code)) continue;
    const method = /grpc_method="([^"]+)"/.exec(line)?.[1] ?? "";
    out[`${method}/${code}`] = (out[`${method}/${code}`] ?? 0) + Number(line.split(" ").at(-1));
  }
  return out;
}

describe("Raftscope's own traffic against a cluster with a learner", () => {
  let cluster: EtcdCluster;
  let poller: ClusterPoller;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-learner-traffic-")),
    });
    await cluster.addLearner("m4");
  });

  afterAll(async () => {
    await poller?.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("adds nothing to any member's failed-request counters while it polls", {
    timeout: WATCH_MS + 90_000,
  }, async () => {
    const members = cluster.members.map((m) => ({ name: m.name, url: m.clientUrl }));
    const before = await Promise.all(members.map((m) => failures(m.url, cluster.tlsFiles)));
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-learner-traffic-poller-"));
    // Every member is configured, the learner too: Raftscope must find out what it is.
    const config = clusterConfigSchema.parse({
      id: "t",
      endpoints: [...members].reverse().map((m) => m.url),
      tls: cluster.tlsFiles,
    });
    poller = new ClusterPoller(config, new EventLog({ dir, clusterId: "t" }));
    poller.start();
    await until(poller, (x) => x.members.length === 4 && x.members.every((m) => m.reachable));
    await new Promise((r) => setTimeout(r, WATCH_MS));
    const after = await Promise.all(members.map((m) => failures(m.url, cluster.tlsFiles)));
    const grown = members.flatMap((m, i) =>
      Object.entries(after[i] ?? {})
        .filter(([key, n]) => n > (before[i]?.[key] ?? 0))
        .map(([key, n]) => `${m.name} ${key}: ${before[i]?.[key] ?? 0} → ${n}`),
    );
    expect(grown).toEqual([]);
  });
});
