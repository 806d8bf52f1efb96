import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChildEntry, childOf } from "./child-entry";
import { DirectoryHintCache } from "./directory-hints";
import { bytesEqual, compareBytes, startsWithBytes, textBytes } from "./key-bytes";
import type { KeyRangeReader } from "./key-range-reader";
import { listChildren } from "./list-children";

/** An in-memory etcd: sorted keys, and the cost etcd 3.4 pays (every key in the range). */
function memoryStore(keys: Uint8Array[]) {
  const sorted = [...keys]
    .sort(compareBytes)
    .filter((k, i, a) => i === 0 || !bytesEqual(k, a[i - 1] as Uint8Array));
  const stats = { reads: 0, walked: 0 };
  const lowerBound = (k: Uint8Array) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareBytes(sorted[mid] as Uint8Array, k) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const read: KeyRangeReader = async ({ start, end, limit }) => {
    const from = lowerBound(start);
    const to = Math.max(from, end.length === 0 ? sorted.length : lowerBound(end));
    stats.reads++;
    stats.walked += to - from;
    // Buffers that view the store's own bytes, as etcd3 hands out views of its message: code that
    // writes into a key it was given corrupts the store and fails the comparison.
    const keys = sorted
      .slice(from, Math.min(to, from + limit))
      .map((k) => Buffer.from(k.buffer, k.byteOffset, k.byteLength));
    return { keys, more: to - from > limit, count: to - from, headerRevision: 42 };
  };
  return { sorted, read, stats };
}

/** The listing the slow way: every key under the prefix, grouped. */
function bruteForce(keys: Uint8Array[], prefix: Uint8Array, separator: Uint8Array): ChildEntry[] {
  const out: ChildEntry[] = [];
  for (const key of keys) {
    if (!startsWithBytes(key, prefix)) continue;
    const child = childOf(prefix, separator, key);
    const last = out[out.length - 1];
    if (last && last.kind === "dir" && child.kind === "dir" && bytesEqual(last.key, child.key))
      continue;
    out.push(child);
  }
  return out;
}

async function listAll(
  read: KeyRangeReader,
  prefix: Uint8Array,
  separator: Uint8Array,
  limit: number,
  hints?: DirectoryHintCache,
): Promise<ChildEntry[]> {
  const all: ChildEntry[] = [];
  let start: Uint8Array | undefined;
  for (let page = 0; page < 10_000; page++) {
    const res = await listChildren(read, { prefix, separator, start, limit, revision: 0 }, hints);
    expect(res.children.length).toBeLessThanOrEqual(limit);
    all.push(...res.children);
    if (!res.next) return all;
    expect(res.children.length).toBe(limit);
    start = res.next;
  }
  throw new Error("listing did not end");
}

const t = textBytes;
// Small alphabets make shared prefixes, separators and 0xff bytes common.
const keyArb = fc
  .array(fc.constantFrom(0x00, 0x2f, 0x61, 0x62, 0xfe, 0xff), { minLength: 1, maxLength: 6 })
  .map((xs) => Uint8Array.from(xs));

describe("listChildren", () => {
  it("matches a brute-force listing, page by page, with and without hints", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(keyArb, { maxLength: 60 }),
        fc.constantFrom(
          t(""),
          t("/"),
          t("a"),
          t("a/"),
          Uint8Array.of(0xff),
          Uint8Array.of(0x61, 0xff),
        ),
        fc.constantFrom(t("/"), t(""), Uint8Array.of(0xff), t("/a")),
        fc.integer({ min: 1, max: 7 }),
        async (keys, prefix, separator, limit) => {
          const store = memoryStore(keys);
          const expected = bruteForce(store.sorted, prefix, separator);
          expect(await listAll(store.read, prefix, separator, limit)).toEqual(expected);
          const hints = new DirectoryHintCache();
          expect(await listAll(store.read, prefix, separator, limit, hints)).toEqual(expected);
          // Warm hints give the same answer.
          expect(await listAll(store.read, prefix, separator, limit, hints)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stays correct when hinted directories change underneath", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(keyArb, { maxLength: 40 }),
        fc.array(keyArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        async (before, after, limit) => {
          const hints = new DirectoryHintCache();
          const sep = t("/");
          await listAll(memoryStore(before).read, t(""), sep, limit, hints);
          const store = memoryStore(after);
          expect(await listAll(store.read, t(""), sep, limit, hints)).toEqual(
            bruteForce(store.sorted, t(""), sep),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("skips over directories: the first page reads children, not descendants", async () => {
    const keys: Uint8Array[] = [];
    for (const dir of ["apps", "batch", "core", "events"]) {
      for (let i = 0; i < 2_000; i++) keys.push(t(`/registry/${dir}/ns/obj-${i}`));
    }
    keys.push(t("/registry/zz-key"));
    const store = memoryStore(keys);
    const page = await listChildren(store.read, {
      prefix: t("/registry/"),
      separator: t("/"),
      limit: 100,
      revision: 0,
    });
    expect(page.children.map((c) => new TextDecoder().decode(c.name))).toEqual([
      "apps/",
      "batch/",
      "core/",
      "events/",
      "zz-key",
    ]);
    expect(page.next).toBeNull();
    // Reading to the prefix's end after each directory walks 8,001 + 6,001 + 4,001 + 2,001 =
    // 20,004 keys; galloping after the first read walks about one directory per child.
    expect(store.stats.walked).toBeLessThan(15_000);
    expect(page.reads).toBeLessThan(50);
  });

  it("lists many large directories cheaply once it has hints, and never slowly", async () => {
    const keys: Uint8Array[] = [];
    for (let ns = 0; ns < 200; ns++) {
      for (let i = 0; i < 300; i++)
        keys.push(t(`/registry/pods/ns-${String(ns).padStart(4, "0")}/pod-${i}`));
    }
    const store = memoryStore(keys);
    const hints = new DirectoryHintCache();
    const opts = { prefix: t("/registry/pods/"), separator: t("/"), limit: 100, revision: 0 };
    const cold = await listChildren(store.read, opts, hints);
    expect(cold.children).toHaveLength(100);
    // The first read walks the whole prefix (nothing is known yet); galloping keeps the rest
    // near one directory per child instead of the whole remainder each time.
    expect(store.stats.walked).toBeLessThan(60_000 + 100 * 300 * 2);
    store.stats.walked = 0;
    const warm = await listChildren(store.read, opts, hints);
    expect(warm.children).toEqual(cold.children);
    // Hinted directories of known size come whole, several to a read; nothing past the page.
    expect(warm.reads).toBeLessThan(40);
    expect(store.stats.walked).toBeLessThanOrEqual(100 * 300 + 101);
  });

  it("with warm hints, bounds every read near the next directory", async () => {
    const keys: Uint8Array[] = [];
    for (const dir of ["apps", "batch", "core", "events"]) {
      for (let i = 0; i < 2_000; i++) keys.push(t(`/registry/${dir}/ns/obj-${i}`));
    }
    const store = memoryStore(keys);
    const hints = new DirectoryHintCache();
    const opts = { prefix: t("/registry/"), separator: t("/"), limit: 100, revision: 0 };
    await listChildren(store.read, opts, hints);
    store.stats.walked = 0;
    const page = await listChildren(store.read, opts, hints);
    expect(page.children).toHaveLength(4);
    // One key per directory plus nothing else: the cold listing walked ~20,000.
    expect(store.stats.walked).toBeLessThanOrEqual(4);
  });

  it("pins every read of a page to the first read's revision", async () => {
    const seen: number[] = [];
    let header = 100;
    const read: KeyRangeReader = async ({ start, revision }) => {
      seen.push(revision);
      header++;
      const k = start.length < 3 ? t(`a/${"x".repeat(start.length)}`) : undefined;
      return { keys: k ? [k] : [], more: false, count: k ? 1 : 0, headerRevision: header };
    };
    const page = await listChildren(read, {
      prefix: t(""),
      separator: t("/"),
      limit: 5,
      revision: 0,
    });
    expect(seen[0]).toBe(0);
    expect(seen.slice(1).every((r) => r === 101)).toBe(true);
    expect(page.revision).toBe(101);
  });

  it("pages a flat prefix with a cursor, each page one read", async () => {
    const keys = Array.from({ length: 250 }, (_, i) => t(`/flat/${String(i).padStart(4, "0")}`));
    const store = memoryStore(keys);
    const first = await listChildren(store.read, {
      prefix: t("/flat/"),
      separator: t("/"),
      limit: 100,
      revision: 0,
    });
    expect(first.reads).toBe(1);
    expect(first.next).not.toBeNull();
    const second = await listChildren(store.read, {
      prefix: t("/flat/"),
      separator: t("/"),
      limit: 100,
      revision: 0,
      start: first.next ?? undefined,
    });
    expect(second.reads).toBe(1);
    expect(new TextDecoder().decode(second.children[0]?.name)).toBe("0100");
  });
});

describe("listChildren hints along the first key's path", () => {
  it("make the first read of each level below a listed directory bounded", async () => {
    const keys: Uint8Array[] = [];
    for (let i = 0; i < 5_000; i++) keys.push(t(`/registry/apps/ns/obj-${i}`));
    const store = memoryStore(keys);
    const hints = new DirectoryHintCache();
    const sep = t("/");
    await listChildren(
      store.read,
      { prefix: t(""), separator: sep, limit: 10, revision: 0 },
      hints,
    );
    store.stats.walked = 0;
    const page = await listChildren(
      store.read,
      { prefix: t("/registry/"), separator: sep, limit: 10, revision: 0 },
      hints,
    );
    expect(page.children.map((c) => new TextDecoder().decode(c.name))).toEqual(["apps/"]);
    expect(store.stats.walked).toBeLessThanOrEqual(1);
  });
});

describe("listChildren with huge keys", () => {
  it("lists keys of hundreds of KiB (etcd allows up to its request size)", {
    timeout: 30_000,
  }, async () => {
    const big = new Uint8Array(300_000).fill(0x61);
    const keys = [new Uint8Array([0x2f, ...big, 0x2f, 0x62]), new Uint8Array([0x2f, ...big, 0x63])];
    const store = memoryStore(keys);
    const hints = new DirectoryHintCache();
    const opts = { prefix: t("/"), separator: t("/"), limit: 1, revision: 0 };
    const first = await listChildren(store.read, opts, hints);
    expect(first.children).toHaveLength(1);
    const second = await listChildren(
      store.read,
      { ...opts, start: first.next ?? undefined },
      hints,
    );
    expect(second.children[0]?.key.length).toBe(300_002);
  });
});
