import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { EtcdCluster } from "../harness/etcd-cluster";
import { type ServerProcess, startServerProcess } from "./server-process";

// `npm start` as operators run it: through npm, which runs the script in a shell. SIGTERM to
// npm must reach the node server (it used to stay behind, listening), and `-p`/`-H` after `--`
// choose where it listens.

let cluster: EtcdCluster;
let dir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-npm-start-"));
  cluster = await EtcdCluster.start({ size: 1, dir: path.join(dir, "cluster") });
});

afterAll(async () => {
  server?.kill("SIGKILL");
  await cluster?.teardown({ removeData: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("listens where -p and -H say, and stops the server when npm gets SIGTERM", async () => {
    const configPath = path.join(dir, "raftscope.yaml");
    writeDashboardConfig(configPath, cluster);
    server = await startServerProcess({
      command: "npm",
      script: "start",
      args: ["--silent", "--"],
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/root",
        RAFTSCOPE_CONFIG: configPath,
        RAFTSCOPE_DATA_DIR: path.join(dir, "data"),
        // -p and -H win over these, as with `next start`.
        PORT: "1",
        HOSTNAME: "127.0.0.9",
      },
    });
    await server.waitFor("/api/readyz", { status: 200 });
    expect(server.output()).toContain(`listening on ${server.url}`);

    server.kill("SIGTERM"); // to npm, not to node
    await server.exited;
    const until = Date.now() + 30_000;
    let listening = true;
    while (listening && Date.now() < until) {
      listening = await fetch(`${server.url}/api/healthz`, { signal: AbortSignal.timeout(2_000) })
        .then(() => true)
        .catch(() => false);
      if (listening) await new Promise((r) => setTimeout(r, 250));
    }
    expect(listening).toBe(false);
    expect(server.output()).toContain("drained; exiting");
  });
});
