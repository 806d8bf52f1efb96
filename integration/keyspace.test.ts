import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Etcd3 } from "etcd3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { runEtcdctl } from "../harness/etcdctl";
import { seedDemoData } from "../harness/seed";
import { base64ToBytes, bytesLatin1, textBytes } from "../lib/keys/key-bytes";
import type { ListKeysInput } from "../lib/keys/key-query";
import { decodeCursor } from "../lib/keys/list-cursor";
import { MAX_DEPTH } from "../lib/keyspace/keyspace-tree";
import { KeyReader } from "../lib/server/keys/key-reader";
import { listKeys } from "../lib/server/keys/list-keys";
import { searchKeys } from "../lib/server/keys/search-keys";
import { KeyspaceIndex } from "../lib/server/keyspace/keyspace-index";
import { valueRedaction } from "../lib/server/keyspace/value-redaction";
import { TlsMaterialSource } from "../lib/server/tls/tls-material-source";

let cluster: EtcdCluster;
let admin: Etcd3;
let index: KeyspaceIndex;
let reader: KeyReader;
const redaction = valueRedaction({ showSecrets: false, redactPatterns: ["/registry/secrets/*"] });

interface Figures {
  keys: number;
  keyBytes: number;
  valueBytes: number;
  redactedKeys: number;
}

/** Every live key and value, the load-everything way: `etcdctl get "" --prefix -w json`. */
async function etcdctlEverything() {
  const out = await runEtcdctl(["get", "", "--prefix", "-w", "json"], {
    endpoints: live(),
    tls: cluster.rootTlsFiles,
    commandTimeoutMs: 15_000,
  });
  const parsed = JSON.parse(out) as {
    header: { revision: number };
    kvs?: Array<{ key: string; value?: string }>;
    count: number;
  };
  const kvs = (parsed.kvs ?? []).map((kv) => ({
    key: Buffer.from(kv.key, "base64"),
    value: Buffer.from(kv.value ?? "", "base64"),
  }));
  expect(kvs.length).toBe(parsed.count);
  return { revision: Number(parsed.header.revision), kvs };
}

/** Per-directory figures computed from every key, independently of the index's tree. */
function bruteForce(kvs: Array<{ key: Buffer; value: Buffer }>): Map<string, Figures> {
  const dirs = new Map<string, Figures>();
  for (const { key, value } of kvs) {
    const k = bytesLatin1(key);
    const redacted = redaction(key, value);
    const paths = [""];
    let from = 0;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const at = k.indexOf("/", from);
      if (at < 0) break;
      paths.push(k.slice(0, at + 1));
      from = at + 1;
    }
    for (const p of paths) {
      const f = dirs.get(p) ?? { keys: 0, keyBytes: 0, valueBytes: 0, redactedKeys: 0 };
      f.keys++;
      f.keyBytes += key.length;
      if (redacted) f.redactedKeys++;
      else f.valueBytes += value.length;
      dirs.set(p, f);
    }
  }
  return dirs;
}

/** Client URLs of the members that are running. */
function live(): string[] {
  return cluster.members.filter((m) => m.state === "running").map((m) => m.clientUrl);
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the index is ready at etcd's revision, then compares every directory. */
async function expectIndexMatchesEtcd() {
  const { revision, kvs } = await etcdctlEverything();
  await until(`the index at revision ${revision}`, () => {
    const s = index.status();
    return s.state === "ready" && (s.revision ?? 0) >= revision ? true : undefined;
  });
  const expected = bruteForce(kvs);
  const tree = index.tree;
  if (!tree) throw new Error("no tree");
  const got = new Map<string, Figures>();
  for (const dir of expected.keys()) {
    const d = tree.get(dir);
    if (d) {
      got.set(dir, {
        keys: d.keys,
        keyBytes: d.keyBytes,
        valueBytes: d.valueBytes,
        redactedKeys: d.redactedKeys,
      });
    }
  }
  expect(got).toEqual(expected);
  expect(tree.directoryCount).toBe(expected.size);
  return { revision, keys: kvs.length };
}

async function putMany(
  count: number,
  prefix: (i: number) => string,
  size: (i: number) => number,
  client = admin,
) {
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) =>
        client.put(prefix(i + j)).value("x".repeat(size(i + j))),
      ),
    );
  }
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-keyspace-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  await seedDemoData(cluster);
  admin = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles);
  await putMany(
    2_000,
    (i) => `/registry/pods/ns-${String(i % 40).padStart(2, "0")}/pod-${i}`,
    (i) => 100 + (i % 17) * 40,
  );
  // A directory of keys and directories interleaved, with a key and a directory of one name.
  await putMany(
    45,
    (i) => (i % 3 === 0 ? `/mixed/n-${i}/leaf` : `/mixed/n-${i}`),
    () => 10,
  );
  await admin.put("/mixed/same").value("k");
  await admin.put("/mixed/same/inner").value("d");
  const tls = new TlsMaterialSource(cluster.tlsFiles);
  index = new KeyspaceIndex({
    clusterId: "it",
    enabled: true,
    bytesPerSecond: 20_000_000,
    deadlineMs: 3_000,
    endpoints: () => live(),
    tls: () => tls.current(),
    redaction,
  });
  index.start();
  reader = new KeyReader({
    cluster: { id: "it", endpoints: cluster.endpoints, tls: cluster.tlsFiles, deadlineMs: 3_000 },
  });
});

/** Every page of a listing, following cursors, and how many pages the index answered. */
async function listAll(prefix: Uint8Array, withIndex: boolean) {
  const children: string[] = [];
  let fromIndex = 0;
  let after: Uint8Array | undefined;
  for (;;) {
    const input: ListKeysInput = {
      prefix,
      separator: textBytes("/"),
      limit: 20,
      ...(after ? { after } : {}),
    };
    const page = await listKeys(reader, input, withIndex ? index : undefined);
    if (page.fromIndex) fromIndex++;
    children.push(...page.children.map((c) => `${c.kind}:${c.keyBase64}:${c.keys ?? ""}`));
    if (!page.nextCursor) return { children, fromIndex };
    after = decodeCursor(page.nextCursor);
  }
}

afterAll(async () => {
  index?.close();
  reader?.close();
  admin?.close();
  await cluster?.teardown({ removeData: true });
});

describe("the keyspace index against a real 3-member cluster with mutual TLS", () => {
  it("builds figures equal to a full etcdctl get --prefix, by directory", async () => {
    const { keys } = await expectIndexMatchesEtcd();
    expect(keys).toBeGreaterThan(2_000);
    const count = await runEtcdctl(["get", "", "--prefix", "--keys-only", "-w", "json"], {
      endpoints: cluster.endpoints,
      tls: cluster.rootTlsFiles,
    });
    expect(index.tree?.get("")?.keys).toBe((JSON.parse(count) as { count: number }).count);
    // Secrets are counted, their bytes are not.
    expect(index.tree?.get("/registry/secrets/")?.redactedKeys).toBeGreaterThan(0);
    expect(index.tree?.get("/registry/secrets/")?.valueBytes).toBe(0);
  });

  it("answers listings the same as etcd does, mixed directories with reads only between their directories", async () => {
    await expectIndexMatchesEtcd();
    const queue = [textBytes("")];
    let served = 0;
    while (queue.length > 0) {
      const prefix = queue.shift() ?? textBytes("");
      const indexed = await listAll(prefix, true);
      const etcd = await listAll(prefix, false);
      const names = (list: string[]) => list.map((c) => c.split(":").slice(0, 2).join(":"));
      expect(names(indexed.children), Buffer.from(prefix).toString()).toEqual(names(etcd.children));
      served += indexed.fromIndex;
      for (const c of indexed.children) {
        const [kind, key64, keys] = c.split(":");
        // Directory figures come with the listing either way once the index is ready.
        if (kind === "dir") expect(Number(keys)).toBeGreaterThan(0);
        if (kind === "dir") queue.push(base64ToBytes(key64 ?? "") ?? textBytes(""));
      }
    }
    expect(served).toBeGreaterThan(5);
    // A directory with keys of its own is listed with reads only between its directories.
    const mixed = await listAll(textBytes("/mixed/"), true);
    expect(mixed.children).toHaveLength(47);
    expect(mixed.fromIndex).toBe(3);
    expect((await listAll(textBytes(""), true)).fromIndex).toBeGreaterThan(0);
  });

  it("finds keys by a substring of their name within a prefix, streaming, up to a cap", async () => {
    const { kvs } = await etcdctlEverything();
    const prefix = "/registry/pods/";
    const expected = kvs
      .map((kv) => kv.key.toString("latin1"))
      .filter(
        (k) => k.startsWith(prefix) && k.slice(prefix.length).toLowerCase().includes("pod-12"),
      );
    const lines = [];
    for await (const line of searchKeys(
      reader,
      { prefix: textBytes(prefix), q: textBytes("POD-12"), limit: 1000 },
      new AbortController().signal,
    )) {
      lines.push(line);
    }
    const found = lines.flatMap((l) => (l.type === "match" ? [l.key] : []));
    expect(found).toEqual(expected);
    expect(lines.some((l) => l.type === "progress")).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      type: "done",
      stoppedBy: "complete",
      matches: expected.length,
    });
    const capped = [];
    for await (const line of searchKeys(
      reader,
      { prefix: textBytes(prefix), q: textBytes("pod-"), limit: 5 },
      new AbortController().signal,
    )) {
      capped.push(line);
    }
    expect(capped.filter((l) => l.type === "match")).toHaveLength(5);
    expect(capped.at(-1)).toMatchObject({ type: "done", stoppedBy: "matches" });
  });

  it("follows writes, updates and deletes from its watch", async () => {
    await putMany(
      300,
      (i) => `/registry/events/ns-new/ev-${i}`,
      (i) => 50 + i,
    );
    await putMany(
      100,
      (i) => `/registry/pods/ns-01/pod-${i * 40 + 1}`,
      () => 5_000,
    );
    await admin.delete().prefix("/registry/pods/ns-02/");
    await admin.delete().key("/registry/pods/ns-03/pod-3");
    await admin.put("/registry/secrets/default/new-token").value("s".repeat(900));
    await expectIndexMatchesEtcd();
    expect(index.tree?.get("/registry/pods/ns-02/")).toBeUndefined();
    expect(
      index.tree?.get("/registry/events/ns-new/")?.writes.perSecond(Date.now()),
    ).toBeGreaterThan(0);
  });

  it("stays right across a compaction", async () => {
    const { revision } = await etcdctlEverything();
    await runEtcdctl(["compact", String(revision)], {
      endpoints: cluster.endpoints,
      tls: cluster.rootTlsFiles,
    });
    await putMany(
      50,
      (i) => `/registry/configmaps/after-compaction/cm-${i}`,
      () => 64,
    );
    await admin.delete().prefix("/registry/events/ns-new/ev-1");
    await expectIndexMatchesEtcd();
    expect(index.restarts).toBe(0);
  });

  it("restarts from another member when the one it watches is killed", async () => {
    const watched = index.status().endpoint;
    const victim = cluster.members.find((m) => m.clientUrl === watched);
    if (!victim) throw new Error(`no member at ${watched}`);
    await cluster.kill(victim.name);
    await cluster.waitForLeader();
    const survivor = createEtcdClient(live(), cluster.rootTlsFiles);
    try {
      await putMany(
        20,
        (i) => `/registry/leases/after-kill/l-${i}`,
        () => 30,
        survivor,
      );
    } finally {
      survivor.close();
    }
    await until("a restart", () => (index.restarts > 0 ? true : undefined), 30_000);
    await expectIndexMatchesEtcd();
    expect(index.status().endpoint).not.toBe(watched);
    await cluster.restart(victim.name);
  });
});
