import { appendFileSync, chmodSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LeaderChangeForensics } from "../../forensics/leader-change-forensics";
import { ForensicsRecorder } from "./forensics-recorder";
import { ForensicsStore } from "./forensics-store";

const dir = () => mkdtempSync(path.join(tmpdir(), "raftscope-forensics-"));

function restarted(seq: number, settled = true): LeaderChangeForensics {
  return {
    seq,
    likely:
      "likely: the leader restarted: m1 restarted: a new process started 2.1 s after the one that led",
    evidence: [
      {
        cause: "restarted",
        memberId: "8a8b7dc2e8fd179e",
        summary: "m1 restarted: a new process started 2.1 s after the one that led",
        numbers: { previousStartSeconds: 1795964870.12, newStartSeconds: 1795964872.22 },
      },
    ],
    settled,
  };
}

function saveAll(store: ForensicsStore, items: LeaderChangeForensics[]): void {
  const kept: LeaderChangeForensics[] = [];
  for (const f of items) {
    kept.push(f);
    store.save(f, () => kept);
  }
}

describe("ForensicsStore", () => {
  it("reads back the last explanation saved for each event", () => {
    const d = dir();
    const open = {
      ...restarted(4, false),
      likely: "no cause visible in the metrics",
      evidence: [],
    };
    saveAll(new ForensicsStore(d, "demo", 200), [open, restarted(7), restarted(4)]);
    expect(new ForensicsStore(d, "demo", 200).load()).toEqual([restarted(4), restarted(7)]);
  });

  it("skips a torn last line and keeps the rest", () => {
    const d = dir();
    const store = new ForensicsStore(d, "demo", 200);
    saveAll(store, [restarted(1)]);
    appendFileSync(store.file, JSON.stringify(restarted(2)).slice(0, 40));
    expect(new ForensicsStore(d, "demo", 200).load()).toEqual([restarted(1)]);
  });

  it("stays bounded: past twice `keep` lines the file holds the newest `keep`", () => {
    const d = dir();
    const store = new ForensicsStore(d, "demo", 5);
    const kept: LeaderChangeForensics[] = [];
    for (let seq = 1; seq <= 40; seq++) {
      kept.push(restarted(seq));
      if (kept.length > 5) kept.shift();
      store.save(restarted(seq), () => kept);
      const lines = readFileSync(store.file, "utf8").split("\n").filter(Boolean).length;
      expect(lines).toBeLessThanOrEqual(10);
    }
    expect(new ForensicsStore(d, "demo", 5).load().map((f) => f.seq)).toEqual([36, 37, 38, 39, 40]);
  });

  it("names a disk that refuses the line, and saves again once it takes lines", () => {
    const d = dir();
    const store = new ForensicsStore(d, "demo", 200);
    saveAll(store, [restarted(1)]);
    chmodSync(store.file, 0o400);
    store.save(restarted(2), () => [restarted(1), restarted(2)]);
    // root writes through file modes; everyone else sees the refusal.
    if (process.getuid?.() !== 0) expect(store.problem).toMatch(/EACCES/);
    chmodSync(store.file, 0o600);
    store.save(restarted(3), () => [restarted(1), restarted(3)]);
    expect(store.problem).toBeUndefined();
  });
});

describe("ForensicsRecorder with a store", () => {
  const quietPoller = {
    subscribe: () => () => undefined,
    snapshot: () => {
      throw new Error("no sweep in this test");
    },
  };

  it("serves the saved evidence after a restart; a case left open comes back settled", () => {
    const d = dir();
    saveAll(new ForensicsStore(d, "demo", 200), [restarted(3), restarted(9, false)]);
    const recorder = new ForensicsRecorder(quietPoller, new ForensicsStore(d, "demo", 200));
    expect(recorder.all()).toEqual([restarted(9, true), restarted(3)]);
    expect(recorder.get(3)?.evidence[0]?.cause).toBe("restarted");
  });
});
