// The worst page one request can cause: a key browser page at the caps (8 KiB of key, 256 levels
// deep), against a one-level page, and what a path beyond the caps costs (a quick 414). Needs
// `npm run build`. Figures go to docs/benchmarks.md under "Worst single-request page".
// Run: `npx tsx bench/worst-page.ts`, or as part of `npm run bench`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startDashboardFor } from "../harness/dashboard-server";
import { EtcdCluster } from "../harness/etcd-cluster";
import { keyToPath } from "../lib/keys/key-path";
import { quantile, runWhenMain } from "./bench-support";

const RUNS = 7;

async function measure(url: string): Promise<{ status: number; bytes: number; ms: number[] }> {
  const ms: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    const body = await res.arrayBuffer();
    ms.push(performance.now() - t0);
    status = res.status;
    bytes = body.byteLength;
  }
  return { status, bytes, ms };
}

function keyPage(base: string, depth: number, width: number): string {
  const key = Buffer.from(`${"k".repeat(width - 1)}/`.repeat(depth));
  return `${base}/clusters/demo/keys/${keyToPath(key)}`;
}

/** Markdown rows: status, page size and median/p95 time of each case, and the ratios. */
export async function benchWorstPage(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-bench-worst-"));
  const cluster = await EtcdCluster.start({ size: 1, dir });
  const dashboard = await startDashboardFor(cluster, dir);
  try {
    const cases: Array<[string, string]> = [
      ["one level (`/k/`)", keyPage(dashboard.url, 1, 2)],
      ["at the caps: 256 levels, 8 KiB key", keyPage(dashboard.url, 256, 32)],
      ["7,000 levels (beyond the caps)", keyPage(dashboard.url, 7_000, 2)],
    ];
    const rows: string[] = [
      "| page | status | bytes | median | p95 |",
      "| ---- | ------ | ----- | ------ | --- |",
    ];
    const results = [];
    for (const [name, url] of cases) {
      await measure(url); // warm-up
      const r = await measure(url);
      results.push(r);
      rows.push(
        `| ${name} | ${r.status} | ${r.bytes.toLocaleString("en")} | ${quantile(r.ms, 0.5).toFixed(1)} ms | ${quantile(r.ms, 0.95).toFixed(1)} ms |`,
      );
    }
    const [one, worst] = results;
    if (one && worst) {
      rows.push(
        "",
        `Worst page against one level: ${(worst.bytes / one.bytes).toFixed(2)}× the bytes, ${(quantile(worst.ms, 0.5) / quantile(one.ms, 0.5)).toFixed(2)}× the median time.`,
      );
    }
    return rows;
  } finally {
    await dashboard.stop();
    await cluster.teardown({ removeData: true });
  }
}

runWhenMain(import.meta.url, benchWorstPage);
