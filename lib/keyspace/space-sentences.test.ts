import { describe, expect, it } from "vitest";
import type { KeyspaceChild, KeyspaceSummary } from "./keyspace-api";
import { childRole } from "./kubernetes-label";
import { spaceSentences } from "./space-sentences";

const child = (name: string, bytes: number, creates = 0, deletes = 0): KeyspaceChild => ({
  name,
  key: `/registry/${name}`,
  keyBase64: "",
  keys: 10,
  bytes,
  writesPerSecond: creates * 2,
  createsPerSecond: creates,
  deletesPerSecond: deletes,
});

function summary(over: Partial<KeyspaceSummary>): KeyspaceSummary {
  return {
    state: "ready",
    reason: null,
    phase: null,
    revision: 100,
    progress: 1,
    endpoint: "https://127.0.0.1:2379",
    prefix: "/registry/",
    prefixBase64: "",
    keys: 30,
    bytes: 4 * 1024 * 1024,
    keyBytes: 1000,
    valueBytes: 4 * 1024 * 1024 - 1000,
    redactedKeys: 2,
    ownKeys: 0,
    writesPerSecond: 3,
    createsPerSecond: 1,
    deletesPerSecond: 0.5,
    children: [child("pods/", 3 * 1024 * 1024, 0.5, 0.5), child("events/", 1024 * 1024, 2, 0.5)],
    childrenTotal: 2,
    largest: [{ key: "/registry/pods/a/big", keyBase64: "", bytes: 512 * 1024 }],
    ...over,
  };
}

describe("spaceSentences", () => {
  it("names the biggest, the fastest growing and the largest values, with numbers", () => {
    const text = spaceSentences(summary({})).join(" ");
    expect(text).toContain("/registry/ holds 30 keys in 4.0 MiB");
    expect(text).toContain("2 redacted values counted as keys");
    expect(text).toContain(
      "The largest is pods: 3.0 MiB in 10 keys, 75% of the bytes; then events with 1.0 MiB (25%)",
    );
    expect(text).toContain("Growing fastest: events (1.50 keys/s net, 4 writes/s).");
    expect(text).not.toContain("pods (0");
    expect(text).toContain("/registry/pods/a/big (512 KiB)");
  });

  it("compares live bytes with the member's database at the root, and says what the gap is", () => {
    const text = spaceSentences(summary({ prefix: "" }), {
      name: "m1",
      dbSizeBytes: 20 * 1024 * 1024,
      dbSizeInUseBytes: 10 * 1024 * 1024,
    }).join(" ");
    expect(text).toContain(
      "Live keys and values take 4.0 MiB; member m1's database uses 10.0 MiB (dbSizeInUse) of 20.0 MiB on disk (dbSize).",
    );
    expect(text).toContain("MVCC history");
    expect(text).toContain("fragmentation");
  });
});

describe("childRole", () => {
  it("reads Kubernetes' layout under /registry/", () => {
    expect(childRole("/registry/", "pods/")).toBe("resource");
    expect(childRole("/registry/", "monitoring.coreos.com/")).toBe("api group");
    expect(childRole("/registry/pods/", "default/")).toBe("namespace or name");
    expect(childRole("/registry/monitoring.coreos.com/", "prometheuses/")).toBe("resource");
    expect(childRole("/registry/monitoring.coreos.com/prometheuses/", "ns/")).toBe(
      "namespace or name",
    );
    expect(childRole("/other/", "x/")).toBe("directory");
  });
});
