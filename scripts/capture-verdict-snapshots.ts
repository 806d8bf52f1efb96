// Captures the poller's snapshots of a real 3-member etcd cluster while two followers are
// stopped and started again, for the warning rules' unit tests:
//   NODE_OPTIONS=--conditions=react-server npx tsx scripts/capture-verdict-snapshots.ts
// writes lib/test-factories/fixtures/etcd-<version>-two-followers-stopped.json.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterConfigSchema } from "../lib/config/config-schema";
import type { ClusterSnapshot } from "../lib/member-snapshot";
import { ClusterPoller } from "../lib/server/cluster-poller";
import { EventLog } from "../lib/server/event-log";

const SAMPLE_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-capture-"));
  const cluster = await EtcdCluster.start({ size: 3, dir });
  const config = clusterConfigSchema.parse({
    id: "capture",
    endpoints: cluster.endpoints,
    tls: cluster.tlsFiles,
  });
  const poller = new ClusterPoller(config, new EventLog({ dir, clusterId: "capture" }));
  const snapshots: ClusterSnapshot[] = [];
  let sampling = true;
  // The harness unrefs its etcd processes; this keeps the script alive while it waits on them.
  const keepAlive = setInterval(() => undefined, 1_000);
  const sampler = (async () => {
    while (sampling) {
      const s = poller.snapshot();
      if (s.members.length > 0 && s.observedAt !== snapshots.at(-1)?.observedAt) snapshots.push(s);
      await sleep(SAMPLE_MS);
    }
  })();
  try {
    await capture();
  } finally {
    // Teardown first: with the poller stopped first, this script has ended before the teardown ran.
    await cluster.teardown({ removeData: true });
    await poller.stop();
  }

  async function capture() {
    try {
      poller.start();
      const leader = await cluster.waitForLeader();
      await sleep(3_000);
      const followers = cluster.members.filter((m) => m.name !== leader).map((m) => m.name);
      for (const f of followers) await cluster.stop(f);
      // Long enough for the survivor's own /health to fail (MEMBER_NOT_READY).
      await sleep(12_000);
      await Promise.all(followers.map((f) => cluster.restart(f, { requireLeader: false })));
      await cluster.waitForLeader({ timeoutMs: 30_000 });
      await sleep(4_000);
    } finally {
      sampling = false;
      await sampler;
      clearInterval(keepAlive);
    }
    const version = snapshots
      .flatMap((s) => s.members)
      .flatMap((m) => (m.probe.kind === "reachable" ? [m.probe.status.version] : []))[0];
    const out = path.resolve(
      `lib/test-factories/fixtures/etcd-${version?.split(".").slice(0, 2).join(".")}-two-followers-stopped.json`,
    );
    writeFileSync(out, `[\n${snapshots.map((s) => JSON.stringify(s)).join(",\n")}\n]\n`);
    console.log(`${snapshots.length} snapshots → ${out}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
