import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KnownEndpoints } from "./known-endpoints";

describe("KnownEndpoints", () => {
  it("remembers the last member list across a restart", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "raftscope-known-")), "known.json");
    new KnownEndpoints(file).save(["https://127.0.0.1:2379", "https://127.0.0.1:2389"]);
    expect(new KnownEndpoints(file).endpoints).toEqual([
      "https://127.0.0.1:2379",
      "https://127.0.0.1:2389",
    ]);
  });

  it("starts empty from a missing or damaged file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-known-"));
    expect(new KnownEndpoints(path.join(dir, "none.json")).endpoints).toEqual([]);
    writeFileSync(path.join(dir, "torn.json"), '["https://127.0');
    expect(new KnownEndpoints(path.join(dir, "torn.json")).endpoints).toEqual([]);
  });

  it("does not rewrite the file when nothing changed", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "raftscope-known-")), "known.json");
    const known = new KnownEndpoints(file);
    known.save(["https://b", "https://a"]);
    writeFileSync(file, '["marker"]');
    known.save(["https://a", "https://b"]);
    expect(readFileSync(file, "utf8")).toBe('["marker"]');
  });
});
