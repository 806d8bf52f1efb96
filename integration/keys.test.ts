import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Etcd3 } from "etcd3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import * as k8s from "../harness/k8s-objects";
import { BINARY_KEY, seedDemoData, seededKeys } from "../harness/seed";
import { RaftscopeError } from "../lib/errors";
import { keyListingSchema, keyValueSchema } from "../lib/keys/key-api";
import {
  base64ToBytes,
  compareBytes,
  indexOfBytes,
  startsWithBytes,
  textBytes,
} from "../lib/keys/key-bytes";
import { encodeKeyParam } from "../lib/keys/key-param";
import type { ListKeysInput } from "../lib/keys/key-query";
import { decodeCursor } from "../lib/keys/list-cursor";
import { currentRevision } from "../lib/server/keys/current-revision";
import type { KeyBrowserSettings } from "../lib/server/keys/key-browser-settings";
import { KeyReader } from "../lib/server/keys/key-reader";
import { listKeys } from "../lib/server/keys/list-keys";
import { readRawValue, readValue } from "../lib/server/keys/read-value";

const hidden: KeyBrowserSettings = { showSecrets: false, redactPatterns: ["/registry/secrets/*"] };
const shown: KeyBrowserSettings = { showSecrets: true, redactPatterns: ["/registry/secrets/*"] };
const t = textBytes;

let cluster: EtcdCluster;
let admin: Etcd3;
let reader: KeyReader;
let allKeys: Buffer[];

/** Every key, the load-everything way: fine for the few hundred seeded keys. */
async function everyKey(): Promise<Buffer[]> {
  const res = await admin.kv.range({
    key: Buffer.from([0]),
    range_end: Buffer.from([0]),
    keys_only: true,
  });
  return res.kvs.map((kv) => kv.key);
}

/** A prefix's children computed the slow way from every key. */
function bruteChildren(
  prefix: Uint8Array,
  separator: Uint8Array,
): Array<{ key: string; kind: string }> {
  const out: Array<{ key: string; kind: string }> = [];
  let lastDir: Uint8Array | undefined;
  for (const key of allKeys) {
    if (!startsWithBytes(key, prefix)) continue;
    const at = separator.length ? indexOfBytes(key.subarray(prefix.length), separator) : -1;
    if (at < 0) {
      out.push({ key: key.toString("base64"), kind: "key" });
      continue;
    }
    const dir = key.subarray(0, prefix.length + at + separator.length);
    if (lastDir && compareBytes(lastDir, dir) === 0) continue;
    lastDir = dir;
    out.push({ key: Buffer.from(dir).toString("base64"), kind: "dir" });
  }
  return out;
}

/** Every page of a listing, following cursors. */
async function listAll(input: Omit<ListKeysInput, "limit">, limit: number) {
  const children: Array<{ key: string; kind: string }> = [];
  let after: Uint8Array | undefined;
  let revision: number | undefined;
  for (;;) {
    const page = keyListingSchema.parse(
      await listKeys(reader, {
        ...input,
        limit,
        ...(after ? { after } : {}),
        ...(revision ? { revision } : {}),
      }),
    );
    expect(page.children.length).toBeLessThanOrEqual(limit);
    revision = page.revision;
    children.push(...page.children.map((c) => ({ key: c.keyBase64, kind: c.kind })));
    if (!page.nextCursor) return children;
    after = decodeCursor(page.nextCursor);
  }
}

async function value(
  key: Uint8Array | string,
  settings = hidden,
  extra: { revision?: number } = {},
) {
  const k = typeof key === "string" ? t(key) : key;
  return keyValueSchema.parse(await readValue(reader, { key: k, ...extra }, settings));
}

async function rejection(p: Promise<unknown>): Promise<RaftscopeError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RaftscopeError);
  return err as RaftscopeError;
}

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "raftscope-keys-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  await seedDemoData(cluster);
  admin = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles);
  allKeys = await everyKey();
  reader = new KeyReader({
    cluster: { id: "it", endpoints: cluster.endpoints, tls: cluster.tlsFiles, deadlineMs: 2_000 },
  });
});

afterAll(async () => {
  reader?.close();
  admin?.close();
  await cluster?.teardown({ removeData: true });
});

describe("key browser against a real 3-member cluster with mutual TLS", () => {
  it("lists the root: the / tree, root-level keys, and keys that are not UTF-8", async () => {
    const page = await listKeys(reader, { prefix: t(""), separator: t("/"), limit: 100 });
    const names = page.children.map((c) => `${c.kind}:${c.name}`);
    expect(names).toContain("dir:/");
    expect(names).toContain("key:compact_rev_key");
    expect(names).toContain("key:feature-flags");
    // "<script>alert(1)</script>" holds a "/": it is a directory at the root.
    expect(names).toContain("dir:<script>alert(1)</");
    expect(page.nextCursor).toBeNull();
    const config = await listKeys(reader, {
      prefix: t("/config/binary/"),
      separator: t("/"),
      limit: 10,
    });
    expect(config.children.map((c) => base64ToBytes(c.keyBase64))).toEqual([
      new Uint8Array(BINARY_KEY),
    ]);
    expect(config.children[0]?.key).toContain("\uFFFD");
  });

  it("matches a brute-force listing for every directory of the seeded tree, in small pages", async () => {
    const queue: Uint8Array[] = [t("")];
    let dirs = 0;
    while (queue.length > 0) {
      const prefix = queue.shift() ?? t("");
      const expected = bruteChildren(prefix, t("/"));
      const got = await listAll({ prefix, separator: t("/") }, 3);
      expect(got, `children of ${Buffer.from(prefix).toString()}`).toEqual(expected);
      for (const c of got) if (c.kind === "dir") queue.push(base64ToBytes(c.key) ?? t(""));
      dirs++;
    }
    expect(dirs).toBeGreaterThan(40);
  });

  it("pages a flat listing with cursors, consistent with one revision", async () => {
    const got = await listAll({ prefix: t("/registry/"), separator: t("") }, 7);
    expect(got).toEqual(bruteChildren(t("/registry/"), t("")));
    expect(got.length).toBeGreaterThan(100);
  });

  it("decodes seeded Kubernetes objects, JSON, YAML, text and binary values", async () => {
    const deployment = await value(seededKeys.deployment);
    expect(deployment.decoded).toMatchObject({
      format: "kubernetes",
      apiVersion: "apps/v1",
      kind: "Deployment",
      object: { name: "payments-api", namespace: "payments" },
    });
    expect(deployment.modRevision).toBeGreaterThan(0);
    expect(deployment.version).toBe(1);
    expect((await value(seededKeys.namespace)).decoded).toMatchObject({
      kind: "Namespace",
      apiVersion: "v1",
    });
    expect((await value(seededKeys.crd)).decoded?.format).toBe("json");
    expect((await value(seededKeys.customResource)).decoded).toMatchObject({
      format: "json",
      value: { kind: "ServiceMonitor" },
    });
    expect((await value(seededKeys.yaml)).decoded?.format).toBe("yaml");
    expect((await value(seededKeys.text)).decoded?.format).toBe("text");
    const legacy = await value(seededKeys.invalidUtf8);
    expect(legacy.decoded).toMatchObject({
      format: "binary",
      note: expect.stringMatching(/UTF-8/),
    });
    const binaryKey = await value(new Uint8Array(BINARY_KEY));
    expect(binaryKey.decoded).toMatchObject({
      format: "text",
      text: "a value under a key that is not UTF-8",
    });
    expect(base64ToBytes(binaryKey.keyBase64)).toEqual(new Uint8Array(BINARY_KEY));
    const lease = await value(seededKeys.lease);
    expect(lease.version).toBeGreaterThan(1);
    const event = allKeys.find((k) => k.toString().startsWith("/registry/events/"));
    expect(event).toBeDefined();
    expect((await value(event ?? t(""))).lease).toMatch(/^[0-9a-f]+$/);
  });

  it("switches decoders on request and explains when one does not fit", async () => {
    expect(
      (await readValue(reader, { key: t(seededKeys.deployment), format: "binary" }, hidden)).decoded
        ?.format,
    ).toBe("binary");
    expect(
      (await readValue(reader, { key: t(seededKeys.text), format: "json" }, hidden)).decoded,
    ).toMatchObject({
      format: "text",
      note: "Not valid JSON",
    });
  });

  it("redacts secrets: metadata only, no value bytes in the answer or the download", async () => {
    const secret = await value(seededKeys.secret);
    expect(secret).toMatchObject({ redacted: true, decoded: null });
    expect(secret.size).toBeGreaterThan(0);
    const raw = await admin.get(seededKeys.secret).buffer();
    const json = JSON.stringify(secret);
    expect(json).not.toContain("not-a-real-password");
    expect(json).not.toContain(raw?.toString("base64").slice(10, 40));
    const refused = await rejection(readRawValue(reader, { key: t(seededKeys.secret) }, hidden));
    expect(refused.code).toBe("FORBIDDEN");
    const encrypted = await value(seededKeys.encrypted.aescbc);
    expect(encrypted).toMatchObject({
      redacted: true,
      decoded: { format: "encrypted", provider: "aescbc", keyName: "key1" },
    });
    expect(JSON.stringify(encrypted)).not.toContain("base64");
    const kms = await value(seededKeys.encrypted.kmsV2);
    expect(kms.decoded).toMatchObject({
      format: "encrypted",
      provider: "kms",
      providerVersion: "v2",
      keyName: "my-kms",
    });
  });

  it("shows secrets only when the server is configured to", async () => {
    const secret = await value(seededKeys.secret, shown);
    expect(secret.redacted).toBe(false);
    expect(secret.decoded).toMatchObject({ format: "kubernetes", kind: "Secret" });
    const raw = await readRawValue(reader, { key: t(seededKeys.secret) }, shown);
    expect(Buffer.from(raw.value).toString("latin1")).toContain("not-a-real-password");
  });

  it("truncates values over 256 KiB with a notice, and downloads them whole", async () => {
    const big = { kind: "Blob", data: "x".repeat(300 * 1024) };
    await admin.put("/config/big.json").value(JSON.stringify(big));
    const object = k8s.configMap(
      { name: "huge", namespace: "default", uid: "u", createdAt: Date.UTC(2026, 0, 1) },
      { blob: "y".repeat(300 * 1024) },
    );
    await admin.put("/registry/configmaps/default/huge").value(object);
    const json = await value("/config/big.json");
    expect(json).toMatchObject({ truncated: true, size: JSON.stringify(big).length });
    expect(json.notice).toMatch(/first 256 KiB/);
    expect(json.decoded).toMatchObject({
      format: "text",
      note: expect.stringMatching(/truncated/),
    });
    const proto = await value("/registry/configmaps/default/huge");
    expect(proto.truncated).toBe(true);
    expect(proto.decoded).toMatchObject({
      format: "binary",
      note: expect.stringMatching(/Truncated or malformed protobuf after the k8s magic bytes/),
    });
    const raw = await readRawValue(reader, { key: t("/registry/configmaps/default/huge") }, hidden);
    expect(Buffer.from(raw.value).equals(object)).toBe(true);
    await admin.delete().key("/config/big.json").exec();
    await admin.delete().key("/registry/configmaps/default/huge").exec();
  });

  it("answers a missing key with NOT_FOUND", async () => {
    expect((await rejection(value("/registry/nope"))).code).toBe("NOT_FOUND");
  });

  it("leaves the cluster revision unchanged after a whole browsing session", async () => {
    const before = await currentRevision(reader);
    await listAll({ prefix: t(""), separator: t("/") }, 5);
    await listAll({ prefix: t("/registry/secrets/"), separator: t("/") }, 2);
    for (const key of allKeys.slice(0, 60)) {
      await readValue(reader, { key }, hidden).catch(() => undefined);
      await readRawValue(reader, { key }, hidden).catch(() => undefined);
    }
    await listKeys(reader, { prefix: t("/"), separator: t("/"), limit: 2, revision: before }).catch(
      () => undefined,
    );
    const after = await currentRevision(reader);
    expect(after).toBe(before);
    const status = JSON.parse(
      await cluster.etcdctl(["endpoint", "status", "-w", "json"]),
    ) as Array<{
      Status: { header: { revision: number } };
    }>;
    for (const s of status) expect(s.Status.header.revision).toBe(before);
  });

  it("reads at a past revision, and says clearly when it has been compacted", async () => {
    const key = "/config/checkout/currency";
    const first = await value(key);
    await admin.put(key).value("USD");
    await admin.put(key).value("GBP");
    const now = await value(key);
    expect(now.decoded).toMatchObject({ text: "GBP" });
    const past = await value(key, hidden, { revision: first.modRevision });
    expect(past.decoded).toMatchObject({ text: "EUR" });
    expect(past.revision).toBe(first.modRevision);
    const listing = await listKeys(reader, {
      prefix: t("/config/checkout/"),
      separator: t("/"),
      limit: 10,
      revision: first.modRevision,
    });
    expect(listing.revision).toBe(first.modRevision);

    // Compaction is an operator's act; only the test does it, never Raftscope.
    await admin.kv.compact({ revision: now.modRevision, physical: true });
    const compacted = await rejection(value(key, hidden, { revision: first.modRevision }));
    expect(compacted.code).toBe("REVISION_COMPACTED");
    expect(compacted.message).toMatch(/compacted/);
    // The oldest readable revision, learned from a watch's compact_revision, and readable.
    expect(compacted.details?.oldestRevision).toBe(now.modRevision);
    expect(compacted.message).toContain(`The oldest revision it still holds is ${now.modRevision}`);
    const oldest = await value(key, hidden, { revision: now.modRevision });
    expect(oldest.decoded).toMatchObject({ text: "GBP" });
    const listCompacted = await rejection(
      listKeys(reader, {
        prefix: t("/config/"),
        separator: t("/"),
        limit: 10,
        revision: first.modRevision,
      }),
    );
    expect(listCompacted.code).toBe("REVISION_COMPACTED");
    const future = await rejection(value(key, hidden, { revision: now.currentRevision + 1000 }));
    expect(future.code).toBe("BAD_REQUEST");
  });

  it("gives up on a frozen member within the deadline and reads from another one at once", async () => {
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader);
    if (!follower) throw new Error("a 3-member cluster has followers");
    // The frozen member first, so the reader is on it when it stops answering.
    const endpoints = [
      follower.clientUrl,
      ...cluster.endpoints.filter((e) => e !== follower.clientUrl),
    ];
    const frozenReader = new KeyReader({
      cluster: { id: "frozen", endpoints, tls: cluster.tlsFiles, deadlineMs: 3_000 },
    });
    const input = { prefix: t("/registry/"), separator: t("/"), limit: 5 };
    try {
      await listKeys(frozenReader, input);
      cluster.freeze(follower.name);
      const t0 = performance.now();
      const retried = await listKeys(frozenReader, input);
      expect(retried.children.length).toBe(5);
      // One deadline (3 s) on the frozen member, then the retry elsewhere; a second wait on the
      // frozen member would take 6 s.
      expect(performance.now() - t0).toBeLessThan(5_500);
      const page = await listKeys(frozenReader, input);
      expect(page.children.length).toBe(5);
    } finally {
      cluster.thaw(follower.name);
      frozenReader.close();
    }
  });
});

describe("key browser without quorum", () => {
  it("keeps browsing from a member's own copy when 2 of 3 members are down", async () => {
    const leader = await cluster.waitForLeader();
    const down = cluster.members.filter((m) => m.name !== leader).map((m) => m.name);
    const survivor = cluster.members.find((m) => m.name === leader)?.clientUrl ?? "";
    const lonely = new KeyReader({
      cluster: { id: "lonely", endpoints: [survivor], tls: cluster.tlsFiles, deadlineMs: 5_000 },
      quorumUnavailable: () => true,
    });
    try {
      for (const name of down) await cluster.kill(name);
      const t0 = performance.now();
      const page = await listKeys(lonely, { prefix: t("/registry/"), separator: t("/"), limit: 5 });
      expect(page.children.length).toBe(5);
      // Straight to a serializable read: a linearizable attempt would wait out its 5 s deadline.
      expect(performance.now() - t0).toBeLessThan(4_000);
    } finally {
      lonely.close();
      await Promise.all(down.map((name) => cluster.restart(name, { requireLeader: false })));
      await cluster.waitForLeader({ timeoutMs: 30_000 });
    }
  });
});

describe("key routes, through the real handlers", () => {
  type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
  let list: Handler;
  let valueRoute: Handler;
  let raw: Handler;
  const ctx = (id = "demo") => ({ params: Promise.resolve({ id }) });
  const url = (p: string) => new Request(`http://127.0.0.1/api/clusters/demo/keys${p}`);

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-keys-routes-"));
    const configPath = path.join(dir, "raftscope.yaml");
    writeDashboardConfig(configPath, cluster);
    process.env.RAFTSCOPE_CONFIG = configPath;
    process.env.RAFTSCOPE_DATA_DIR = path.join(dir, "data");
    list = (await import("../app/api/clusters/[id]/keys/route")).GET;
    valueRoute = (await import("../app/api/clusters/[id]/keys/value/route")).GET;
    raw = (await import("../app/api/clusters/[id]/keys/raw/route")).GET;
  });

  afterAll(async () => {
    const g = globalThis as {
      raftscopeRuntime?: { pollers: Map<string, { stop(): Promise<void> }> };
    };
    for (const p of g.raftscopeRuntime?.pollers.values() ?? []) await p.stop();
  });

  it("answer malformed keys, cursors, limits and revisions with 400 and a code", async () => {
    for (const q of [
      "?prefix=%zz",
      "?limit=0",
      "?limit=9999",
      "?limit=ten",
      "?revision=-1",
      "?revision=abc",
      "?after=not-a-cursor",
    ]) {
      const res = await list(url(q), ctx());
      expect(res.status, q).toBe(400);
      expect(await res.json(), q).toMatchObject({
        error: { code: "BAD_REQUEST", message: expect.any(String) },
      });
    }
    for (const q of [
      "/value",
      "/value?key=%G0",
      "/value?key=a&revision=0",
      "/value?key=a&format=xml",
    ]) {
      const res = await valueRoute(url(q), ctx());
      expect(res.status, q).toBe(400);
    }
    expect((await list(url(""), ctx("nope"))).status).toBe(404);
  });

  it("round-trip a key that is not UTF-8 through percent-encoded query parameters", async () => {
    const res = await valueRoute(url(`/value?key=${encodeKeyParam(BINARY_KEY)}`), ctx());
    expect(res.status).toBe(200);
    const body = keyValueSchema.parse(await res.json());
    expect(base64ToBytes(body.keyBase64)).toEqual(new Uint8Array(BINARY_KEY));
    const viaBase64 = await valueRoute(
      url(`/value?keyBase64=${BINARY_KEY.toString("base64url")}`),
      ctx(),
    );
    expect(keyValueSchema.parse(await viaBase64.json()).keyBase64).toBe(
      BINARY_KEY.toString("base64"),
    );
    const listing = keyListingSchema.parse(
      await (await list(url(`?prefix=${encodeKeyParam(t("/config/binary/"))}`), ctx())).json(),
    );
    expect(listing.children[0]?.keyBase64).toBe(BINARY_KEY.toString("base64"));
  });

  it("download a raw value as an attachment that a browser will not render, and refuse secrets", async () => {
    const res = await raw(url(`/raw?key=${encodeKeyParam(t(seededKeys.html))}`), ctx());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="[A-Za-z0-9._-]+"$/,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toBe('<img src=x onerror="alert(2)">');
    const secret = await raw(url(`/raw?key=${encodeKeyParam(t(seededKeys.secret))}`), ctx());
    expect(secret.status).toBe(403);
    expect(await secret.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });
});

describe("under the read-only etcd role of docs/read-only-role.md", () => {
  let authCluster: EtcdCluster;
  let authReader: KeyReader;

  beforeAll(async () => {
    authCluster = await EtcdCluster.start({
      size: 1,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-keys-auth-")),
    });
    await authCluster.etcdctl(["put", "/registry/pods/default/web", "v"]);
    await authCluster.etcdctl(["put", "outside", "v"]);
    // The harness's etcdctl presents CN=root; Raftscope's certificate is CN=raftscope.
    for (const args of [
      ["role", "add", "raftscope-readonly"],
      ["role", "grant-permission", "raftscope-readonly", "--prefix", "read", "/registry/"],
      ["user", "add", "root", "--no-password"],
      ["user", "grant-role", "root", "root"],
      ["user", "add", "raftscope", "--no-password"],
      ["user", "grant-role", "raftscope", "raftscope-readonly"],
      ["auth", "enable"],
    ]) {
      await authCluster.etcdctl(args);
    }
    authReader = new KeyReader({
      cluster: {
        id: "auth",
        endpoints: authCluster.endpoints,
        tls: authCluster.tlsFiles,
        deadlineMs: 2_000,
      },
    });
  });

  afterAll(async () => {
    authReader?.close();
    await authCluster?.teardown({ removeData: true });
  });

  it("browses what the role grants and reports what it does not", async () => {
    const page = await listKeys(authReader, {
      prefix: t("/registry/"),
      separator: t("/"),
      limit: 10,
    });
    expect(page.children.map((c) => c.name)).toEqual(["pods/"]);
    const root = await rejection(
      listKeys(authReader, { prefix: t(""), separator: t("/"), limit: 10 }),
    );
    expect(root.code).toBe("FORBIDDEN");
    expect(root.message).toMatch(/read-only-role/);
    expect((await rejection(readValue(authReader, { key: t("outside") }, hidden))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("is refused writes by etcd itself", async () => {
    const { runEtcdctl } = await import("../harness/etcdctl");
    const asRaftscope = (args: string[]) =>
      runEtcdctl(args, { endpoints: authCluster.endpoints, tls: authCluster.tlsFiles });
    await expect(asRaftscope(["put", "/registry/x", "y"])).rejects.toThrow(/permission denied/);
    await expect(asRaftscope(["del", "/registry/pods/default/web"])).rejects.toThrow(
      /permission denied/,
    );
    expect(
      await asRaftscope(["get", "/registry/pods/default/web", "--print-value-only"]),
    ).toContain("v");
  });
});
