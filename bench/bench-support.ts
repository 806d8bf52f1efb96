import { cleanUp } from "./cleanup";

/** The q-quantile of samples, nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Runs a benchmark when its file is run directly, printing its markdown rows. */
export function runWhenMain(url: string, bench: () => Promise<string[]>): void {
  if (url !== `file://${process.argv[1]}`) return;
  bench().then(
    async (lines) => {
      console.log(lines.join("\n"));
      await cleanUp();
    },
    async (err: unknown) => {
      console.error(err);
      await cleanUp();
      process.exit(1);
    },
  );
}
