// Benchmarks that import Raftscope's server modules need Node's react-server condition, the one
// Next gives server code ("server-only" then resolves to a no-op).
import { spawnSync } from "node:child_process";
import { cleanUp } from "./cleanup";

const CONDITION = "--conditions=react-server";

/**
 * When the file at `url` is run directly: runs it again under the react-server condition if
 * this process lacks it, else runs `bench`, prints its markdown rows and cleans up.
 */
export function runServerBenchWhenMain(url: string, bench: () => Promise<string[]>): void {
  if (url !== `file://${process.argv[1]}`) return;
  if (!process.env.NODE_OPTIONS?.includes(CONDITION)) {
    const res = spawnSync(process.execPath, process.execArgv.concat(process.argv.slice(1)), {
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${CONDITION}`.trim(),
      },
    });
    process.exit(res.status ?? 1);
  }
  bench().then(
    async (lines) => {
      console.log(lines.join("\n"));
      await cleanUp();
      process.exit(0);
    },
    async (err: unknown) => {
      console.error(err);
      await cleanUp();
      process.exit(1);
    },
  );
}
