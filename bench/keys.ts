// Key browser benchmark: listing pages and opening a value at 100k and 1M keys, against loading
// the whole prefix the way other etcd UIs do, with the server's memory alongside. Figures go to
// docs/benchmarks.md under "Key browser". Run: `npx tsx bench/keys.ts` (RAFTSCOPE_BENCH_KEYS=
// 100000,1000000 picks the sizes), or as part of `npm run bench` through benchKeys().
import { runServerBenchWhenMain } from "./server-bench";

/** Runs the benchmark at each size and returns its markdown lines (needs the react-server condition). */
export async function benchKeys(totals?: number[]): Promise<string[]> {
  // Loaded only now: the server modules refuse to load without the react-server condition.
  const { runKeysBench } = await import("./keys-bench");
  return runKeysBench(totals);
}

runServerBenchWhenMain(import.meta.url, () =>
  benchKeys(process.env.RAFTSCOPE_BENCH_KEYS?.split(",").map(Number)),
);
