import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { HarnessError } from "./harness-error";
import { scrubbedEnv } from "./scrubbed-env";

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EtcdProcess {
  readonly pid: number;
  /** Set once the process has exited. */
  readonly exit: ProcessExit | undefined;
  readonly exited: Promise<ProcessExit>;
  signal(signal: NodeJS.Signals): void;
}

const live = new Set<ChildProcess>();
let hooksInstalled = false;

/**
 * Starts etcd with its stdout and stderr appended to `logFile`, so flag errors and Go panics land
 * beside zap's log lines. The child gets its own process group: a terminal's Ctrl-C must not stop
 * every member at once (a simultaneous stop costs ~7 s of failed leadership transfer), the owner
 * decides the order. Every child is SIGKILLed when this process exits.
 */
export async function spawnEtcd(
  etcdBin: string,
  args: string[],
  logFile: string,
  runAs?: { uid: number; gid: number },
): Promise<EtcdProcess> {
  installExitHooks();
  const fd = openSync(logFile, "a", 0o644);
  let child: ChildProcess;
  try {
    child = spawn(etcdBin, args, {
      stdio: ["ignore", fd, fd],
      detached: true,
      // zap writes local time; UTC keeps the timestamps parseable as plain ISO 8601.
      env: scrubbedEnv({ TZ: "UTC" }),
      ...(runAs ?? {}),
    });
  } finally {
    closeSync(fd);
  }
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once("exit", (code, signal) => {
      live.delete(child);
      exit = { code, signal };
      resolve(exit);
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", (error) =>
      reject(new HarnessError("SPAWN_FAILED", `cannot start ${etcdBin}: ${error.message}`)),
    );
  });
  const pid = child.pid;
  if (pid === undefined) throw new HarnessError("SPAWN_FAILED", `${etcdBin} started without a pid`);
  live.add(child);
  // The harness awaits exits with its own timers; a forgotten cluster must not keep a test
  // runner alive, the exit hook below reaps it.
  child.unref();
  return {
    pid,
    get exit() {
      return exit;
    },
    exited,
    signal(signal) {
      if (exit === undefined) child.kill(signal);
    },
  };
}

function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      // Only when nobody else handles the signal (the CLI tears down gracefully itself): reap the
      // members, then let the default action end the process as it would have.
      if (process.listenerCount(signal) > 1) return;
      killAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}
