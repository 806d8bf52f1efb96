// Chart-history memory (npm run bench): an hour of one-second points for a 3-member cluster, as
// the poller kept it before (an array of point objects) and as it keeps it now (HistoryRing's
// typed-array columns), and the time to answer the history API and to save it from each.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { syntheticHistory } from "../e2e/synthetic-cluster";
import { downsample } from "../lib/history/downsample";
import { toColumns } from "../lib/history/history-columns";
import type { HistoryPoint, MemberSample } from "../lib/history/history-point";
import { HistoryRing } from "../lib/history/history-ring";
import { quantile, runWhenMain } from "./bench-support";

const HOUR = 3600;
const HOUR_MS = HOUR * 1000;
const CLUSTERS = 20;
const MEMBERS = 3;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  // Typed arrays' contents live outside the V8 heap: count both.
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Points shaped as the poller builds them: each sample grown field by field, not a literal. */
function pollerPoints(now: number): HistoryPoint[] {
  return syntheticHistory(now, HOUR).map((p) => {
    const members: Record<string, MemberSample> = {};
    for (const [id, s] of Object.entries(p.members).slice(0, MEMBERS)) {
      const sample: Record<string, number | boolean> = { reachable: s.reachable };
      for (const [k, v] of Object.entries(s)) if (k !== "reachable") sample[k] = v as number;
      members[id] = sample as MemberSample;
    }
    return { ...p, members };
  });
}

/** Bytes held per cluster by what `hold` returns, over CLUSTERS of them. */
function heldBytes(hold: (now: number) => unknown): number {
  const kept: unknown[] = [];
  const before = heapAfterGc();
  for (let c = 0; c < CLUSTERS; c++) kept.push(hold(Date.now() + c));
  const after = heapAfterGc();
  if (kept.length !== CLUSTERS) throw new Error("the held histories were lost");
  return (after - before) / CLUSTERS;
}

function medianMs(fn: () => unknown, runs = 15): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return quantile(times, 0.5);
}

export async function benchHistoryMemory(): Promise<string[]> {
  const objects = heldBytes((now) => pollerPoints(now));
  const columns = heldBytes((now) => {
    const ring = new HistoryRing(HOUR);
    for (const p of pollerPoints(now)) ring.push(p);
    return ring;
  });
  const now = Date.now();
  const points = pollerPoints(now);
  const ring = new HistoryRing(HOUR);
  for (const p of points) ring.push(p);
  // What the history API does for the 1 h window at 1280 px (511 points), and what the
  // minute's save to disk does, each from the objects (before) and from the ring (now).
  const stepMs = Math.ceil(HOUR_MS / 511);
  const from = now - HOUR_MS;
  const objectsApi = medianMs(() =>
    toColumns(
      downsample(
        points.filter((p) => p.t >= from),
        stepMs,
      ),
    ),
  );
  const ringApi = medianMs(() => ring.columns(from, stepMs));
  const objectsSave = medianMs(() => toColumns(points));
  const ringSave = medianMs(() => ring.columns());
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
  const perPoint = (b: number) => `${(b / HOUR).toFixed(0)} B`;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;
  return [
    `One hour (${HOUR} one-second points) of a ${MEMBERS}-member cluster. Memory: heap and array buffers after a forced GC, mean of ${CLUSTERS} clusters. Times: median of 15.`,
    "",
    "| kept as | per cluster-hour | per point | 1 h for the API (511 points, in columns) | the hour in columns (save to disk) |",
    "| --- | --- | --- | --- | --- |",
    `| point objects (before) | ${mib(objects)} | ${perPoint(objects)} | ${ms(objectsApi)} | ${ms(objectsSave)} |`,
    `| \`HistoryRing\` columns | ${mib(columns)} | ${perPoint(columns)} | ${ms(ringApi)} | ${ms(ringSave)} |`,
    "",
    `Now as a share of before: memory ${pct(columns, objects)}, API ${pct(ringApi, objectsApi)}, save ${pct(ringSave, objectsSave)}.`,
  ];
}

runWhenMain(import.meta.url, benchHistoryMemory);
