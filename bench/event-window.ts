// The leader changes of the last 15 minutes (FREQUENT_LEADER_CHANGES), as every verdict counted them (npm run bench): EventLog.since over
// a log holding a quiet cluster's few events, a full log's memory now (1,000: the events API's
// largest page) and before (5,000), against reading every held event as the poller did. Per
// verdict, so a fleet paid it about 1.5 times per cluster per second. The verdict now keeps
// the window's leader changes itself (lib/events/leader-change-window.ts); `since` is what a restart
// reads them back with.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { ClusterEvent } from "../lib/events/cluster-event";
import { thresholds } from "../lib/health/thresholds";
import { EventLog } from "../lib/server/event-log";
import { quantile, runWhenMain } from "./bench-support";
import { benchTempDir } from "./cleanup";

const WINDOW_MS = thresholds.leaderChangesWindowMs;
const m1 = { id: "8e9e05c52164694d", name: "m1" };
const m2 = { id: "91bc3c398fb3c146", name: "m2" };

/** A log whose file holds `count` events one minute apart, ending now (15 of them in the window). */
function logWith(count: number, now: number): EventLog {
  const dir = benchTempDir("raftscope-bench-events-");
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const event: ClusterEvent = {
      type: "leader_changed",
      from: m1,
      to: m2,
      term: i + 2,
      seq: i + 1,
      at: new Date(now - (count - i) * 60_000).toISOString(),
      clusterId: "bench",
    };
    lines.push(JSON.stringify(event));
  }
  writeFileSync(path.join(dir, "events.jsonl"), lines.length ? `${lines.join("\n")}\n` : "");
  return new EventLog({ dir, clusterId: "bench", keepInMemory: 5000 });
}

/** µs per call, median of 20 rounds of 200 calls. */
function perCall(fn: () => unknown): number {
  const rounds: number[] = [];
  for (let r = 0; r < 20; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) fn();
    rounds.push(((performance.now() - t0) / 200) * 1000);
  }
  return quantile(rounds, 0.5);
}

export async function benchEventWindow(): Promise<string[]> {
  const now = Date.now();
  const lines = [
    "| events held | in the last 15 min | `since` (walks back from the newest) | reading every held event (before) | ratio |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const count of [10, 1000, 5000]) {
    const log = logWith(count, now);
    const held = log.recent(Number.MAX_SAFE_INTEGER).reverse();
    const inWindow = log.since(now - WINDOW_MS).length;
    const walk = perCall(() => log.since(now - WINDOW_MS));
    const all = perCall(() => held.filter((e) => Date.parse(e.at) >= now - WINDOW_MS));
    log.close();
    lines.push(
      `| ${held.length} | ${inWindow} | ${walk.toFixed(1)} µs | ${all.toFixed(1)} µs | ${(all / walk).toFixed(1)}× |`,
    );
  }
  return lines;
}

runWhenMain(import.meta.url, benchEventWindow);
