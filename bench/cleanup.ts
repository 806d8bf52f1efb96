// Every benchmark exit path leaves nothing behind: a finished run, a failed one, and one
// interrupted by Ctrl-C or a supervisor's SIGTERM each stop the dashboard servers and etcd
// clusters they started and delete their temporary folders (1M keys leave ~370 MB).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface Entry {
  name: string;
  /** Graceful: stop a server, tear a cluster down, delete a folder. */
  run: () => Promise<unknown> | unknown;
  /** What still works inside process.on("exit"), where nothing can be awaited. */
  sync: () => void;
}

const entries = new Set<Entry>();
const CLEANUP_DEADLINE_MS = 30_000;
const SIGNAL_CODES: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
let installed = false;
let cleaning: Promise<void> | undefined;

/** Registers a cleanup (run newest first); the returned function runs it now and forgets it. */
export function onCleanup(
  name: string,
  run: () => Promise<unknown> | unknown,
  sync: () => void = () => undefined,
): () => Promise<void> {
  install();
  const entry: Entry = { name, run, sync };
  entries.add(entry);
  return async () => {
    if (!entries.delete(entry)) return;
    await run();
  };
}

/** A fresh folder under the system's temporary folder, deleted on every exit path. */
export function benchTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  onCleanup(`delete ${dir}`, remove, remove);
  return dir;
}

/** Runs every registered cleanup, newest first, each error reported and skipped; bounded. */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    const deadline = new Promise<void>((resolve) =>
      setTimeout(resolve, CLEANUP_DEADLINE_MS).unref(),
    );
    const all = (async () => {
      for (const entry of [...entries].reverse()) {
        entries.delete(entry);
        try {
          await entry.run();
        } catch (err) {
          console.error(`bench cleanup: ${entry.name} failed: ${String(err)}`);
          entry.sync();
        }
      }
    })();
    await Promise.race([all, deadline]);
  })();
  return cleaning;
}

function cleanUpNow(): void {
  for (const entry of [...entries].reverse()) {
    entries.delete(entry);
    try {
      entry.sync();
    } catch {
      // Exiting: nothing left to report to.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", cleanUpNow);
  for (const signal of Object.keys(SIGNAL_CODES) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (cleaning) {
        // A second signal: no more waiting.
        cleanUpNow();
        process.exit(128 + (SIGNAL_CODES[signal] ?? 0));
      }
      console.error(`\nbench: ${signal}, stopping what the benchmark started`);
      void cleanUp().finally(() => process.exit(128 + (SIGNAL_CODES[signal] ?? 0)));
    });
  }
}

/** Tears `cluster` down (data removed) on every exit path; call the result to do it now. */
export function trackCluster(cluster: {
  teardown(opts: { removeData?: boolean }): Promise<void>;
}): () => Promise<void> {
  // The harness's own exit hook SIGKILLs members left at a hard exit.
  return onCleanup("tear down the etcd cluster", () => cluster.teardown({ removeData: true }));
}

/** Stops `server` on every exit path; call the result to do it now. */
export function trackServer(server: {
  process: { kill(signal: NodeJS.Signals): boolean };
  stop(): Promise<void>;
}): () => Promise<void> {
  return onCleanup(
    "stop the dashboard server",
    () => server.stop(),
    () => server.process.kill("SIGKILL"),
  );
}
