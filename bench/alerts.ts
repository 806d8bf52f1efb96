// Alert-rule benchmark (npm run bench): what judging the etcd mixin's rules on the server costs
// per cluster, from real etcd 3.4 /metrics bodies replayed as four hours of 2 s scrapes.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ClusterSeries } from "../lib/alerts/cluster-series";
import { RuleGroup } from "../lib/alerts/rule-group";
import { alertInputs, type ScrapedSeries, zeroFilledInputs } from "../lib/alerts/scraped-series";
import { scrapeFamilies } from "../lib/server/alerts/scrape-families";
import { loadEtcdCapture } from "../lib/server/metrics/fixtures/etcd-captures";
import { readPrometheusSeries } from "../lib/server/metrics/read-prometheus-series";
import { quantile, runWhenMain } from "./bench-support";

const MEMBERS = ["5ac5478f953cb768", "29cac1eaf16d269c", "fab3b170231683e6"];
const SCRAPE_MS = 2000;
const HOURS = Number(process.env.RAFTSCOPE_ALERT_BENCH_HOURS ?? 1);

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/**
 * One member's scrape k: the captured body with its busiest counters moved on as a loaded
 * cluster moves them (Range and Put OK, Watch Canceled, fsync and commit buckets, db size).
 */
function scrapeAt(base: readonly ScrapedSeries[], k: number): ScrapedSeries[] {
  return base.map((s) => {
    const busy =
      (s.name === "grpc_server_handled_total" &&
        ((s.labels.grpc_code === "OK" &&
          ["Range", "Put", "Txn"].includes(s.labels.grpc_method ?? "")) ||
          s.labels.grpc_code === "Canceled")) ||
      s.name.endsWith("_duration_seconds_bucket") ||
      s.name === "etcd_network_peer_round_trip_time_seconds_bucket";
    if (busy) return { ...s, value: s.value + 37 * k };
    if (s.name === "etcd_mvcc_db_total_size_in_bytes") return { ...s, value: s.value + 4096 * k };
    return s;
  });
}

export async function benchAlerts(): Promise<string[]> {
  const { text } = loadEtcdCapture("leader-b");
  const base = readPrometheusSeries(text, scrapeFamilies, zeroFilledInputs).filter((s) =>
    Object.hasOwn(alertInputs, s.name),
  );
  const before = heapAfterGc();
  const series = new ClusterSeries();
  const group = new RuleGroup();
  const steps = (HOURS * 3600_000) / SCRAPE_MS;
  const record: number[] = [];
  const evaluate: number[] = [];
  let frameBytes = 0;
  for (let k = 0; k <= steps; k++) {
    const t = k * SCRAPE_MS;
    for (const id of MEMBERS) {
      const body = scrapeAt(base, k);
      const t0 = performance.now();
      series.record(id, t, body);
      record.push(performance.now() - t0);
    }
    // The last 10 minutes are evaluated every scrape interval, as the server does.
    if (k >= steps - 300) {
      const t0 = performance.now();
      const view = group.evaluate(series, t);
      evaluate.push(performance.now() - t0);
      frameBytes = JSON.stringify({ rules: view }).length;
    }
  }
  const retained = heapAfterGc() - before;
  const samples = (steps + 1) * MEMBERS.length * base.length;
  return [
    `| series per member the rules read | ${base.length} |`,
    `| record one member's scrape (median, p99) | ${quantile(record, 0.5).toFixed(3)} ms, ${quantile(record, 0.99).toFixed(3)} ms |`,
    `| evaluate all ${group.evaluate(series, steps * SCRAPE_MS).length} rules on 3 members × ${HOURS} h (median, p99) | ${quantile(evaluate, 0.5).toFixed(2)} ms, ${quantile(evaluate, 0.99).toFixed(2)} ms |`,
    `| heap kept for 3 members × ${HOURS} h of 2 s scrapes | ${(retained / 1024 / 1024).toFixed(1)} MiB (${((16 * samples) / retained).toFixed(0)}× less than 16 bytes per sample) |`,
    `| pushed to each viewer per evaluation | ${(frameBytes / 1024).toFixed(1)} KiB every 2 s (was about 1 MB of history every 15 s) |`,
  ];
}

runWhenMain(import.meta.url, async () => benchAlerts());
