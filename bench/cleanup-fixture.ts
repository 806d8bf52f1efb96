// A stand-in benchmark for integration/bench-cleanup.test.ts: it starts what a benchmark starts
// (a temporary folder, optionally a real etcd member, and a server process), prints where they
// are, then fails or waits to be interrupted.
import { spawn } from "node:child_process";
import { EtcdCluster } from "../harness/etcd-cluster";
import { runWhenMain } from "./bench-support";
import { benchTempDir, trackCluster, trackServer } from "./cleanup";

async function fixture(): Promise<string[]> {
  const dir = benchTempDir("raftscope-cleanup-fixture-");
  const cluster = process.env.FIXTURE_CLUSTER
    ? await EtcdCluster.start({ size: 1, dir })
    : undefined;
  if (cluster) trackCluster(cluster);
  const server = spawn("sleep", ["300"], { stdio: "ignore" });
  trackServer({
    process: server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  });
  const memberPids = cluster?.describe().members.map((m) => m.pid) ?? [];
  console.log(JSON.stringify({ dir, pids: [server.pid, ...memberPids] }));
  if (process.env.FIXTURE_FAIL) throw new Error("the benchmark failed on purpose");
  setInterval(() => undefined, 1 << 30);
  await new Promise(() => undefined);
  return [];
}

runWhenMain(import.meta.url, fixture);
