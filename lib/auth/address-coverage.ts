import type { AddressRange } from "./auth-env-schema";

const V4_MAPPED = 0xffffn << 32n; // ::ffff:0:0/96, how a dual-stack socket reports IPv4 clients
const NAT64 = 0x0064ff9bn << 96n; // 64:ff9b::/96, IPv4 through a NAT64 gateway (RFC 6052)
const ALL_V6 = (1n << 128n) - 1n;
const V4_SIZE = 1n << 32n;

/** The widest range one entry may be: a /8, in IPv4 and IPv6 alike (10.0.0.0/8, fd00::/8). */
export const WIDEST_PREFIX = 8;

function v4Number(address: string): bigint {
  return address.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address as a 128-bit number; a dotted IPv4 tail (::ffff:1.2.3.4) included. */
function v6Number(address: string): bigint {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const n = v4Number(dotted);
    text = `${text.slice(0, -dotted.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.reduce((n, g) => (n << 16n) | BigInt(Number.parseInt(g || "0", 16)), 0n);
}

/** The range as [first, last] in IPv6's space, IPv4 at its IPv4-mapped place. */
function bounds(r: AddressRange): [bigint, bigint] {
  const bits = r.family === "ipv4" ? 32 : 128;
  const base = r.family === "ipv4" ? V4_MAPPED | v4Number(r.network) : v6Number(r.network);
  const size = 1n << BigInt(bits - r.prefix);
  const first = base & ~(size - 1n);
  return [first, first + size - 1n];
}

/** The prefix an entry has in IPv4 terms when it spans IPv4 addresses (mapped or NAT64). */
function ipv4Prefix(r: AddressRange): number | undefined {
  if (r.family === "ipv4") return r.prefix;
  const [first, last] = bounds(r);
  for (const block of [V4_MAPPED, NAT64]) {
    if (first <= block + V4_SIZE - 1n && last >= block) return Math.max(0, r.prefix - 96);
  }
  return undefined;
}

function describeSize(prefix: number, bits: number): string {
  return `${(2n ** BigInt(bits - prefix)).toLocaleString("en")} addresses`;
}

/**
 * Why one entry trusts too much: wider than WIDEST_PREFIX, counting an IPv6 range that spans
 * IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) addresses by the IPv4 range it covers.
 */
export function rangeProblem(r: AddressRange, entry: string): string | undefined {
  const v4 = ipv4Prefix(r);
  if (v4 !== undefined && v4 < WIDEST_PREFIX) {
    return `"${entry}" trusts ${v4 === 0 ? "every IPv4 address" : describeSize(v4, 32)}; list your proxies, or networks no wider than /${WIDEST_PREFIX}`;
  }
  if (r.family === "ipv6" && r.prefix < WIDEST_PREFIX) {
    return `"${entry}" trusts ${r.prefix === 0 ? "every address" : `a 1/${2 ** r.prefix} share of all IPv6 addresses`}; list your proxies, or networks no wider than /${WIDEST_PREFIX}`;
  }
  return undefined;
}

/** Whether the ranges together cover every IPv4 address or every IPv6 address. */
export function coversEveryAddress(ranges: readonly AddressRange[]): boolean {
  const merged: Array<[bigint, bigint]> = [];
  for (const [first, last] of ranges.map(bounds).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const top = merged[merged.length - 1];
    if (!top || first > top[1] + 1n) merged.push([first, last]);
    else if (last > top[1]) top[1] = last;
  }
  const covers = (lo: bigint, hi: bigint) => merged.some(([a, b]) => a <= lo && b >= hi);
  return covers(V4_MAPPED, V4_MAPPED + V4_SIZE - 1n) || covers(0n, ALL_V6);
}
