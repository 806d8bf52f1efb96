import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticHistory } from "../../e2e/synthetic-cluster";
import { fromColumns, toColumns } from "../history/history-columns";
import { RingBuffer } from "../history/ring-buffer";
import { HistoryStore, keepHistory, restoreHistory } from "./history-store";

const dir = () => mkdtempSync(path.join(tmpdir(), "raftscope-history-"));

describe("HistoryStore", () => {
  it("restores the last hour of points after a restart, and nothing older", async () => {
    const now = Date.now();
    const store = new HistoryStore(dir(), "demo");
    const points = syntheticHistory(now, 7200).filter((_, i) => i % 10 === 0);
    await store.save(points);
    const buffer = new RingBuffer<(typeof points)[number]>(3600);
    restoreHistory(new HistoryStore(path.dirname(store.file), "demo"), buffer, 3_600_000);
    const restored = buffer.toArray();
    expect(restored.length).toBeGreaterThan(300);
    expect(restored[0]?.t).toBeGreaterThanOrEqual(now - 3_600_000);
    expect(restored.at(-1)?.t).toBe(points.at(-1)?.t);
    // As saved: six significant digits.
    const last = points.at(-1);
    expect(restored.at(-1)?.members).toEqual(last && fromColumns(toColumns([last]))[0]?.members);
  });

  it("keeps a full hour of five members within a few MB", async () => {
    const store = new HistoryStore(dir(), "demo");
    await store.save(syntheticHistory(Date.now(), 3600));
    expect(statSync(store.file).size).toBeLessThan(4 * 1024 * 1024);
  });

  it("starts empty, without throwing, from a missing, torn or foreign file", () => {
    const d = dir();
    const store = new HistoryStore(d, "demo");
    expect(store.load(0)).toEqual([]);
    writeFileSync(store.file, '{"version":1,"clusterId":"demo","savedAt":1,"colu');
    expect(store.load(0)).toEqual([]);
    writeFileSync(
      store.file,
      JSON.stringify({ version: 1, clusterId: "demo", savedAt: 1, columns: { t: [1] } }),
    );
    expect(store.load(0)).toEqual([]);
  });

  it("saves once more when stopped", async () => {
    const store = new HistoryStore(dir(), "demo");
    const buffer = new RingBuffer<ReturnType<typeof syntheticHistory>[number]>(10);
    for (const p of syntheticHistory(Date.now(), 5)) buffer.push(p);
    const stop = keepHistory([{ store, buffer }], 3_600_000);
    await stop();
    expect(JSON.parse(readFileSync(store.file, "utf8")).columns.t).toHaveLength(5);
  });
});
