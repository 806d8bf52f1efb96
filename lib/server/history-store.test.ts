import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { syntheticHistory } from "../../e2e/synthetic-cluster";
import { fromColumns, toColumns } from "../history/history-columns";
import type { HistoryPoint } from "../history/history-point";
import { HistoryRing } from "../history/history-ring";
import { HistoryStore, keepHistory, restoreHistory } from "./history-store";

const dir = () => mkdtempSync(path.join(tmpdir(), "raftscope-history-"));

describe("HistoryStore", () => {
  it("restores the last hour of points after a restart, and nothing older", async () => {
    const now = Date.now();
    const store = new HistoryStore(dir(), "demo");
    const points = syntheticHistory(now, 7200).filter((_, i) => i % 10 === 0);
    await store.save(toColumns(points));
    const buffer = new HistoryRing(3600);
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
    await store.save(toColumns(syntheticHistory(Date.now(), 3600)));
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

  it("saves each cluster once per interval, spread over it rather than all at once", async () => {
    vi.useFakeTimers();
    try {
      const histories = [1, 2, 3].map((n) => {
        const store = new HistoryStore(dir(), `c${n}`);
        const buffer = new HistoryRing(10);
        buffer.push(syntheticHistory(Date.now(), 1)[0] as HistoryPoint);
        return { store, buffer, save: vi.spyOn(store, "save").mockResolvedValue() };
      });
      const stop = keepHistory(histories, 3_000);
      const saved = () => histories.map((h) => h.save.mock.calls.length);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(saved()).toEqual([1, 0, 0]);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(saved()).toEqual([1, 1, 1]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(saved()).toEqual([2, 1, 1]);
      await stop();
      expect(saved()).toEqual([3, 2, 2]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("saves once more when stopped", async () => {
    const store = new HistoryStore(dir(), "demo");
    const buffer = new HistoryRing(10);
    for (const p of syntheticHistory(Date.now(), 5)) buffer.push(p);
    const stop = keepHistory([{ store, buffer }], 3_600_000);
    await stop();
    expect(JSON.parse(readFileSync(store.file, "utf8")).columns.t).toHaveLength(5);
  });
});
