import { describe, expect, it } from "vitest";
import { bytesLatin1, compareBytes, textBytes } from "../keys/key-bytes";
import { type ScanPageResult, ScanPager, type ScanRead } from "./scan-pager";

/** A sorted in-memory keyspace answering reads the way etcd does, counting what it walks. */
function fakeEtcd(keys: Uint8Array[]) {
  let walked = 0;
  const lowerBound = (target: Uint8Array) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareBytes(keys[mid] as Uint8Array, target) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const read = (r: ScanRead): ScanPageResult => {
    const from = lowerBound(r.start);
    const to = r.end.length === 0 ? keys.length : lowerBound(r.end);
    const count = Math.max(0, to - from);
    walked += count;
    const page = keys.slice(from, from + Math.min(count, r.limit));
    return {
      keys: page,
      bytes: page.reduce((n, k) => n + k.length, 0),
      more: count > r.limit,
      count,
    };
  };
  return { read, walked: () => walked };
}

function scanAll(
  keys: Uint8Array[],
  pageBytes: number,
  range?: { start: Uint8Array; end: Uint8Array },
) {
  const etcd = fakeEtcd(keys);
  const pager = new ScanPager(pageBytes, 32, range);
  const seen: Uint8Array[] = [];
  let reads = 0;
  while (!pager.done) {
    const r = pager.next();
    const res = etcd.read(r);
    seen.push(...res.keys);
    pager.consume(r, res);
    reads++;
    expect(reads).toBeLessThan(100_000);
  }
  return { seen, reads, walked: etcd.walked(), pager };
}

describe("ScanPager", () => {
  const pods = Array.from({ length: 40 }, (_, ns) =>
    Array.from({ length: 500 }, (_, i) =>
      textBytes(
        `/registry/pods/ns-${String(ns).padStart(3, "0")}/pod-${String(i).padStart(5, "0")}`,
      ),
    ),
  ).flat();
  const keys = [...pods, textBytes("/registry/ranges/serviceips"), textBytes("compact_rev_key")];
  keys.sort(compareBytes);

  it("visits every key once, in order", () => {
    const { seen, pager } = scanAll(keys, 64 * 1024);
    // Compared as one string each: deep equality of 20,000 byte arrays is slow.
    expect(seen.map(bytesLatin1).join("\n")).toBe(keys.map(bytesLatin1).join("\n"));
    expect(pager.progress).toBe(1);
    expect(pager.total).toBe(keys.length);
  });

  it("walks a small multiple of the keyspace, not a quadratic sum", () => {
    const { walked, reads } = scanAll(keys, 32 * 1024);
    // Unbounded reads would walk ~ n²/(2·page), 12× n here; bounded ones stay near n.
    expect(walked).toBeLessThan(keys.length * 5);
    expect(reads).toBeLessThan(keys.length / 100);
  });

  it("scans one range alone when given one", () => {
    const range = {
      start: textBytes("/registry/pods/ns-010/"),
      end: textBytes("/registry/pods/ns-0110"),
    };
    const { seen } = scanAll(keys, 8 * 1024, range);
    expect(seen.length).toBe(1000);
    expect(bytesLatin1(seen[0] as Uint8Array)).toBe("/registry/pods/ns-010/pod-00000");
    expect(bytesLatin1(seen[999] as Uint8Array)).toBe("/registry/pods/ns-011/pod-00499");
  });

  it("bounds pages by bytes", () => {
    const pager = new ScanPager(10_000, 1000);
    expect(pager.next().limit).toBe(10);
    const r = pager.next();
    const big = Array.from({ length: 10 }, (_, i) => textBytes(`k${i}`));
    pager.consume(r, { keys: big, bytes: 50_000, more: true, count: 100 });
    expect(pager.next().limit).toBeLessThanOrEqual(4);
  });
});
