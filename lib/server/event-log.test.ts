import {
  appendFileSync,
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EventBody } from "../events/cluster-event";
import { applyEvent, initialEventState } from "../events/detect-events";
import { EventLog } from "./event-log";

const m1 = { id: "8e9e05c52164694d", name: "m1" };
const m2 = { id: "91bc3c398fb3c146", name: "m2" };
const leaderChange: EventBody = { type: "leader_changed", from: m1, to: m2, term: 3 };
const down: EventBody = { type: "member_unreachable", member: m1, error: "connection refused" };

function freshDir(): string {
  return mkdtempSync(path.join(tmpdir(), "raftscope-events-"));
}

describe("EventLog", () => {
  it("creates its directory, logs and state readable by the server's user alone", () => {
    const dir = path.join(freshDir(), "clusters", "demo");
    const log = new EventLog({ dir, clusterId: "demo", maxBytes: 1 });
    log.append([leaderChange], applyEvent(initialEventState, leaderChange));
    log.append([down], applyEvent(log.state, down));
    log.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(dir)) {
      expect(statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);
    }
    expect(readdirSync(dir).sort()).toEqual([
      "detector-state.json",
      "events.1.jsonl",
      "events.jsonl",
    ]);
    // A log left readable by an older version is closed up when opened.
    const old = freshDir();
    writeFileSync(path.join(old, "events.jsonl"), "");
    chmodSync(path.join(old, "events.jsonl"), 0o644);
    new EventLog({ dir: old, clusterId: "demo" }).close();
    expect(statSync(path.join(old, "events.jsonl")).mode & 0o777).toBe(0o600);
  });

  it("keeps events and sequence numbers across a restart, with no gaps or duplicates", () => {
    const dir = freshDir();
    const first = new EventLog({ dir, clusterId: "default" });
    const state1 = applyEvent(initialEventState, leaderChange);
    first.append([leaderChange], state1);
    first.close();

    const second = new EventLog({ dir, clusterId: "default" });
    expect(second.state.leader?.id).toBe(m2.id);
    const state2 = applyEvent(second.state, down);
    second.append([down], state2);
    second.close();

    const third = new EventLog({ dir, clusterId: "default" });
    expect(third.recent(10).map((e) => [e.seq, e.type])).toEqual([
      [2, "member_unreachable"],
      [1, "leader_changed"],
    ]);
    expect(third.state.unreachable).toEqual([m1.id]);
  });

  it("answers the events since a moment, oldest first, from memory and after a restart", () => {
    const dir = freshDir();
    const log = new EventLog({ dir, clusterId: "default" });
    const t0 = Date.parse("2026-11-30T05:00:00.000Z");
    for (let i = 0; i < 50; i++) {
      log.append([i % 2 === 0 ? leaderChange : down], log.state, new Date(t0 + i * 1000));
    }
    const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);
    expect(seqs(log.since(t0 + 47_000))).toEqual([48, 49, 50]);
    // The boundary is inclusive, and a moment between two events starts at the later one.
    expect(seqs(log.since(t0 + 46_500))).toEqual([48, 49, 50]);
    expect(log.since(t0 + 60_000)).toEqual([]);
    expect(log.since(t0 - 1)).toHaveLength(50);
    log.close();
    const reopened = new EventLog({ dir, clusterId: "default" });
    expect(seqs(reopened.since(t0 + 48_000))).toEqual([49, 50]);
    reopened.close();
  });

  it("finds the newest event of a type however many came after it, also after a restart", () => {
    const dir = freshDir();
    const mismatch: EventBody = {
      type: "consistency_mismatch",
      revision: 42,
      members: [{ ...m1, hash: 1, compactRevision: 1 }],
    };
    const log = new EventLog({ dir, clusterId: "default", keepInMemory: 10 });
    log.append([mismatch], log.state);
    for (let i = 0; i < 50; i++) log.append([i % 2 === 0 ? leaderChange : down], log.state);
    expect(log.recent(1000).length).toBeLessThanOrEqual(20);
    expect(log.newest(["consistency_mismatch", "consistency_agreed"])?.seq).toBe(1);
    expect(log.newest(["member_unreachable"])?.seq).toBe(51);
    log.close();
    const reopened = new EventLog({ dir, clusterId: "default", keepInMemory: 10 });
    expect(reopened.recent(1000)).toHaveLength(10);
    expect(reopened.newest(["consistency_agreed", "consistency_mismatch"])?.seq).toBe(1);
    expect(reopened.newest(["etcd_cluster_changed"])).toBeUndefined();
    reopened.close();
  });

  it("skips a torn last line after a crash and writes the next event on a clean line", () => {
    const dir = freshDir();
    const log = new EventLog({ dir, clusterId: "default" });
    log.append([leaderChange], applyEvent(initialEventState, leaderChange));
    log.close();
    appendFileSync(path.join(dir, "events.jsonl"), '{"seq":2,"at":"2026-11-24T00:0');

    const reopened = new EventLog({ dir, clusterId: "default" });
    expect(reopened.skippedLines).toBe(1);
    expect(reopened.recent(10)).toHaveLength(1);
    reopened.append([down], applyEvent(reopened.state, down));
    reopened.close();

    const lines = readFileSync(path.join(dir, "events.jsonl"), "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([1, 2]);
  });

  it("catches the detector state up with events logged after the state was saved", () => {
    const dir = freshDir();
    const log = new EventLog({ dir, clusterId: "default" });
    log.append([leaderChange], applyEvent(initialEventState, leaderChange));
    log.close();
    // A crash between writing the event and saving the state.
    appendFileSync(
      path.join(dir, "events.jsonl"),
      `${JSON.stringify({ ...down, seq: 2, at: new Date().toISOString(), clusterId: "default" })}\n`,
    );
    const reopened = new EventLog({ dir, clusterId: "default" });
    expect(reopened.state.unreachable).toEqual([m1.id]);
    expect(reopened.state.leader?.id).toBe(m2.id);
  });

  it("stays bounded: rotates past its size and keeps one older file", () => {
    const dir = freshDir();
    const log = new EventLog({ dir, clusterId: "default", maxBytes: 2000 });
    let state = initialEventState;
    for (let i = 0; i < 100; i++) {
      state = applyEvent(state, down);
      log.append([down], state);
    }
    log.close();
    const files = readdirSync(dir).filter((f) => f.endsWith(".jsonl"));
    expect(files.sort()).toEqual(["events.1.jsonl", "events.jsonl"]);
    for (const f of files) {
      expect(readFileSync(path.join(dir, f)).length).toBeLessThan(2000 + 300);
    }
    const reopened = new EventLog({ dir, clusterId: "default", maxBytes: 2000 });
    expect(reopened.recent(1)[0]?.seq).toBe(100);
  });
});
