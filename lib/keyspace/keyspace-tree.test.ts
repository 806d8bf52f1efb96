import { describe, expect, it } from "vitest";
import { applyChange } from "./apply-change";
import type { KeyChange } from "./key-change";
import { KeyspaceTree } from "./keyspace-tree";
import { ScanLedger } from "./scan-ledger";
import { summarizeDirectory } from "./summarize-directory";

function scanned(): { keys: ScanLedger; values: ScanLedger } {
  const keys = new ScanLedger();
  const values = new ScanLedger();
  keys.record(null, 10);
  values.record(null, 10);
  return { keys, values };
}

const put = (key: string, revision: number, valueBytes: number, prev?: number): KeyChange => ({
  kind: "put",
  key,
  revision,
  created: prev === undefined,
  valueBytes,
  redacted: key.startsWith("/registry/secrets/"),
  previous:
    prev === undefined
      ? null
      : { valueBytes: prev, redacted: key.startsWith("/registry/secrets/") },
});

describe("KeyspaceTree", () => {
  it("counts keys, key bytes and value bytes on every directory of a key's path", () => {
    const tree = new KeyspaceTree();
    for (const [key, size] of [
      ["/registry/pods/default/web-1", 100],
      ["/registry/pods/default/web-2", 300],
      ["/registry/pods/kube-system/dns", 50],
      ["/registry/leases/kube-node-lease/n1", 20],
      ["compact_rev_key", 8],
    ] as const) {
      tree.addKey(key);
      tree.addValue(key, size, false);
    }
    const root = summarizeDirectory(tree, "", 10, 0);
    expect(root.keys).toBe(5);
    expect(root.ownKeys).toBe(1);
    expect(root.valueBytes).toBe(478);
    expect(root.children.map((c) => c.name)).toEqual(["/"]);
    const pods = summarizeDirectory(tree, "/registry/pods/", 10, 0);
    expect(pods.children.map((c) => [c.name, c.keys])).toEqual([
      ["default/", 2],
      ["kube-system/", 1],
    ]);
    expect(pods.keyBytes).toBe(
      "/registry/pods/default/web-1".length * 2 + "/registry/pods/kube-system/dns".length,
    );
    expect(pods.largest.map((l) => [l.key, l.bytes])).toEqual([
      ["/registry/pods/default/web-2", 300],
      ["/registry/pods/default/web-1", 100],
      ["/registry/pods/kube-system/dns", 50],
    ]);
  });

  it("drops directories a delete empties, and answers zeros for a prefix it does not hold", () => {
    const tree = new KeyspaceTree();
    tree.addKey("/a/b/c");
    tree.addValue("/a/b/c", 5, false);
    tree.removeValue("/a/b/c", 5, false);
    tree.removeKey("/a/b/c");
    expect(tree.directoryCount).toBe(1);
    expect(summarizeDirectory(tree, "/a/", 10, 0)).toMatchObject({ keys: 0, children: [] });
  });

  it("counts redacted values as keys, never their bytes", () => {
    const tree = new KeyspaceTree();
    const ledgers = scanned();
    applyChange(tree, ledgers, put("/registry/secrets/default/token", 11, 4096), 0);
    applyChange(tree, ledgers, put("/registry/pods/default/web", 12, 100), 0);
    const root = summarizeDirectory(tree, "", 10, 0);
    expect(root.keys).toBe(2);
    expect(root.redactedKeys).toBe(1);
    expect(root.valueBytes).toBe(100);
    expect(root.largest.map((l) => l.key)).toEqual(["/registry/pods/default/web"]);
  });

  it("follows puts, updates and deletes from the watch, with rates", () => {
    const tree = new KeyspaceTree();
    const ledgers = scanned();
    const now = 1_000_000;
    applyChange(tree, ledgers, put("/registry/events/ns/e1", 11, 100), now);
    applyChange(tree, ledgers, put("/registry/events/ns/e1", 12, 150, 100), now);
    applyChange(tree, ledgers, put("/registry/events/ns/e2", 13, 50), now);
    applyChange(
      tree,
      ledgers,
      {
        kind: "delete",
        key: "/registry/events/ns/e2",
        revision: 14,
        created: false,
        valueBytes: 0,
        redacted: false,
        previous: { valueBytes: 50, redacted: false },
      },
      now,
    );
    const events = summarizeDirectory(tree, "/registry/events/", 10, now);
    expect(events.keys).toBe(1);
    expect(events.valueBytes).toBe(150);
    expect(events.children[0]?.writesPerSecond).toBeCloseTo(3 / 60);
    expect(events.deletesPerSecond).toBeCloseTo(1 / 60);
  });

  it("ignores changes a scan page already holds", () => {
    const tree = new KeyspaceTree();
    const keys = new ScanLedger();
    const values = new ScanLedger();
    tree.addKey("/a/x");
    keys.record(null, 20);
    tree.addValue("/a/x", 10, false);
    values.record(null, 20);
    applyChange(tree, { keys, values }, put("/a/x", 19, 10), 0);
    applyChange(tree, { keys, values }, put("/a/y", 20, 10), 0);
    expect(summarizeDirectory(tree, "", 10, 0)).toMatchObject({ keys: 1, valueBytes: 10 });
  });
});
