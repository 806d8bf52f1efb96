// Keyspace index benchmark: on etcd 3.4 and 3.5 in one run, at each size, the index's build time
// (keys-only pass, value-size pass) at the default scan budget, etcd's extra load while it builds,
// Raftscope's memory per million keys, and first-page times of directories with the index ready
// against load-everything and the listing without the index. Figures go to docs/benchmarks.md
// under "Keyspace index". Run: `npx tsx bench/keyspace.ts 100000 1000000` (sizes in keys;
// default both), or as part of `npm run bench` through benchKeyspace().
import { runServerBenchWhenMain } from "./server-bench";

/** Runs the benchmark at each size and returns its markdown lines (needs the react-server condition). */
export async function benchKeyspace(totals?: number[]): Promise<string[]> {
  // Loaded only now: the server modules refuse to load without the react-server condition.
  const { runKeyspaceBench } = await import("./keyspace-bench");
  return runKeyspaceBench(totals);
}

runServerBenchWhenMain(import.meta.url, () => {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return benchKeyspace(sizes.length > 0 ? sizes : undefined);
});
