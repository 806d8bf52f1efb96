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
      // Its own process group, as the etcd members have: Ctrl-C reaches only the demo, which
      // sends the server one SIGTERM. A second signal from the terminal would cut its drain.
      detached: true,
      env: scrubbedEnv({
        RAFTSCOPE_CONFIG: configPath,
        RAFTSCOPE_DATA_DIR: path.join(dir, "dashboard-data"),
        RAFTSCOPE_HOSTNAME: "127.0.0.1",
        PORT: port,
      }),
    },
  );
  console.log(`raftscope demo: dashboard on http://127.0.0.1:${port} (Ctrl-C stops everything)`);
  const leader = await cluster.leader();
  const follower = cluster.members.find((m) => m.name !== leader);
  console.log(
    `raftscope demo: members ${cluster.members.map((m) => `${m.name} pid ${m.pid}${m.name === leader ? " (leader)" : ""}`).join(", ")}`,
  );
  console.log(
    `raftscope demo: try a fault, e.g. freeze follower ${follower?.name}:  kill -STOP ${follower?.pid}  then  kill -CONT ${follower?.pid}` +
      " (the demo does not restart a member killed with SIGKILL: Ctrl-C and npm run demo again)",
  );

  let stopping = false;
  const serverExited = new Promise<number | null>((resolve) => server.on("exit", resolve));
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nraftscope demo: stopping the dashboard and the cluster (followers first)…");
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      // The server drains (streams closed, event logs synced) within its 10 s drain timeout.
      const drained = await Promise.race([
        serverExited,
        new Promise<"late">((r) => setTimeout(() => r("late"), 15_000)),
      ]);
      if (drained === "late") server.kill("SIGKILL");
    }
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
