import { describe, expect, it } from "vitest";
import { parseElections } from "./etcd-log";

// Lines captured from etcd 3.4.23 started with --logger=zap.
const CAPTURED = [
  '{"level":"info","ts":"2026-11-24T00:28:52.813Z","caller":"raft/raft.go:713","msg":"2e1259d415f2a040 became candidate at term 2"}',
  '{"level":"info","ts":"2026-11-24T00:28:52.814Z","caller":"raft/raft.go:771","msg":"2e1259d415f2a040 became leader at term 2"}',
  '{"level":"info","ts":"2026-11-24T00:28:52.814Z","caller":"raft/node.go:327","msg":"raft.node: 2e1259d415f2a040 elected leader 2e1259d415f2a040 at term 2"}',
].join("\n");

describe("parseElections", () => {
  it("reads the term and time of each 'became leader' line", () => {
    expect(parseElections(CAPTURED, "m1")).toEqual([
      { member: "m1", term: 2, at: Date.parse("2026-11-24T00:28:52.814Z") },
    ]);
  });

  it("accepts zap's +hhmm offsets when etcd runs outside UTC", () => {
    const line =
      '{"level":"info","ts":"2026-11-24T01:28:52.814+0100","caller":"raft/raft.go:771","msg":"a became leader at term 7"}';
    expect(parseElections(line, "m2")).toEqual([
      { member: "m2", term: 7, at: Date.parse("2026-11-24T00:28:52.814Z") },
    ]);
  });

  it("skips panics, truncated lines and messages that only mention the phrase", () => {
    const text = [
      "panic: runtime error: became leader at term 9",
      '{"level":"info","ts":"2026-11-24T00:28:52.814Z","msg":"2e12 became leader at term',
      '{"level":"info","ts":"2026-11-24T00:28:52.814Z","msg":"x said: abc became leader at term 3"}',
      "",
    ].join("\n");
    expect(parseElections(text, "m1")).toEqual([]);
  });
});
