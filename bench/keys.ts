// Key browser benchmark: listing pages and opening a value at 100k and 1M keys, against loading
// the whole prefix the way other etcd UIs do, with the server's memory alongside. Figures go to
// docs/benchmarks.md under "Key browser". Run: `npx tsx bench/keys.ts` (RAFTSCOPE_BENCH_KEYS=
// 100000,1000000 picks the sizes), or as part of `npm run bench` through benchKeys().
import { spawnSync } from "node:child_process";
import { cleanUp } from "./cleanup";

const CONDITION = "--conditions=react-server";

/** Runs the benchmark at each size and returns its markdown lines (needs the react-server condition). */
export async function benchKeys(totals?: number[]): Promise<string[]> {
  // Loaded only now: the server modules refuse to load without the react-server condition.
  const { runKeysBench } = await import("./keys-bench");
  return runKeysBench(totals);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.NODE_OPTIONS?.includes(CONDITION)) {
    // Run again with the condition Next gives server code ("server-only" resolves to a no-op).
    const res = spawnSync(process.execPath, process.execArgv.concat(process.argv.slice(1)), {
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${CONDITION}`.trim(),
      },
    });
    process.exit(res.status ?? 1);
  }
  const totals = process.env.RAFTSCOPE_BENCH_KEYS?.split(",").map(Number);
  benchKeys(totals).then(
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
