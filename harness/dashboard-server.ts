import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { writeDashboardConfig } from "./dashboard-config";
import { sleep } from "./deadline";
import type { EtcdCluster } from "./etcd-cluster";
import { HarnessError } from "./harness-error";
import { freeLoopbackPorts } from "./loopback-ports";
import { scrubbedEnv } from "./scrubbed-env";

export interface DashboardServer {
  url: string;
  process: ChildProcess;
  logFile: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Serves the production build (`next build` must have run) on a free loopback port as `npm
 * start` does, configured by `configPath`, and resolves once the API answers.
 */
export async function startDashboard(opts: {
  configPath: string;
  dataDir: string;
  logFile: string;
  env?: Record<string, string>;
  /** Sent with the readiness probe, e.g. a Bearer token when the dashboard requires a login. */
  readyHeaders?: Record<string, string>;
}): Promise<DashboardServer> {
  const [port] = await freeLoopbackPorts(1);
  if (!port) throw new HarnessError("INVALID_STATE", "no free loopback port for the dashboard");
  const log = createWriteStream(opts.logFile, { flags: "a" });
  // What `npm start` runs, so SIGTERM drains as it does for operators (events synced, chart
  // history saved).
  const start = path.resolve("scripts/start.mjs");
  const args = ["--disable-warning=DEP0123", start, "-H", "127.0.0.1", "-p", String(port)];
  const child = spawn(process.execPath, args, {
    env: scrubbedEnv({
      RAFTSCOPE_CONFIG: opts.configPath,
      RAFTSCOPE_DATA_DIR: opts.dataDir,
      NODE_ENV: "production",
      ...opts.env,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.once("exit", () => child.kill("SIGKILL"));

  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) {
      throw new HarnessError(
        "INVALID_STATE",
        `the dashboard exited with code ${child.exitCode}; see ${opts.logFile}`,
      );
    }
    try {
      const res = await fetch(`${url}/api/clusters`, {
        headers: opts.readyHeaders,
        signal: AbortSignal.timeout(5_000),
      });
      if (res.ok) return { url, process: child, logFile: opts.logFile, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await stop("SIGKILL");
  throw new HarnessError(
    "INVALID_STATE",
    `the dashboard did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${opts.logFile}`,
  );
}

/**
 * The production dashboard watching `cluster` as `demo`, with its config, data and log under
 * `<dir>/dashboard`.
 */
export async function startDashboardFor(
  cluster: EtcdCluster,
  dir: string,
  opts: { includeExternal?: boolean } = {},
): Promise<DashboardServer> {
  const dashDir = path.join(dir, "dashboard");
  mkdirSync(dashDir, { recursive: true });
  const configPath = path.join(dashDir, "raftscope.yaml");
  writeDashboardConfig(configPath, cluster, opts);
  return startDashboard({
    configPath,
    dataDir: path.join(dashDir, "data"),
    logFile: path.join(dashDir, "server.log"),
  });
}
