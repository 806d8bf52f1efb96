// `npm run demo`: a real 3-member etcd cluster with mutual TLS on loopback, seeded with a
// Kubernetes-like /registry tree, and the production dashboard on http://127.0.0.1:3000 with a
// declared stacked topology. Ctrl-C stops everything it started.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { EtcdCluster } from "../harness/etcd-cluster";
import { scrubbedEnv } from "../harness/scrubbed-env";
import { seedDemoData } from "../harness/seed";

const dir = path.resolve(".cluster");
const port = process.env.PORT ?? "3000";

async function main() {
  console.log("raftscope demo: starting 3 etcd members with mutual TLS…");
  const cluster = await EtcdCluster.start({ size: 3, dir });
  console.log(
    `raftscope demo: members ${cluster.endpoints.join(", ")}; leader ${await cluster.leader()}`,
  );
  await seedDemoData(cluster);
  console.log("raftscope demo: seeded a Kubernetes-like /registry tree and /config");

  const configPath = path.join(dir, "raftscope.yaml");
  writeDashboardConfig(configPath, cluster, { includeExternal: true });
  mkdirSync(path.join(dir, "dashboard-data"), { recursive: true });
  const server = spawn(
    process.execPath,
    ["--disable-warning=DEP0123", path.resolve("scripts/start.mjs")],
    {
      stdio: "inherit",
      env: scrubbedEnv({
        RAFTSCOPE_CONFIG: configPath,
        RAFTSCOPE_DATA_DIR: path.join(dir, "dashboard-data"),
        RAFTSCOPE_HOSTNAME: "127.0.0.1",
        PORT: port,
      }),
    },
  );
  console.log(`raftscope demo: dashboard on http://127.0.0.1:${port} (Ctrl-C stops everything)`);
  console.log(
    `raftscope demo: try a fault, e.g.  kill -STOP ${cluster.members[1]?.pid}  then  kill -CONT ${cluster.members[1]?.pid}`,
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nraftscope demo: stopping the dashboard and the cluster (followers first)…");
    server.kill("SIGTERM");
    await cluster.teardown();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 1));
}

main().catch((err: unknown) => {
  console.error(`raftscope demo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
