import { formatBytes } from "../format/format-bytes";
import { formatNumber } from "../format/format-number";
import type { KeyspaceSummary } from "./keyspace-api";

/** The figures of the member the index reads, from the health verdict. */
export interface MemberDbSize {
  name: string;
  dbSizeBytes: number | null;
  dbSizeInUseBytes: number | null;
}

const percent = (part: number, whole: number) =>
  whole > 0 ? `${Math.round((part / whole) * 100)}%` : "0%";

const trim = (name: string) => name.replace(/\/$/, "");

/**
 * The Space view's answers in words, with numbers: the biggest children, the fastest growing,
 * the largest keys, and how the index's live bytes compare with the member's database (the gap
 * is MVCC history kept until compaction, plus free pages kept until defragmentation; etcd's
 * maintenance guide).
 */
export function spaceSentences(summary: KeyspaceSummary, member?: MemberDbSize): string[] {
  const out: string[] = [];
  const where = summary.prefix === "" ? "the keyspace" : summary.prefix;
  out.push(
    `${where} holds ${formatNumber(summary.keys)} keys in ${formatBytes(summary.bytes)} of keys and values` +
      (summary.redactedKeys > 0
        ? ` (${formatNumber(summary.redactedKeys)} redacted values counted as keys, their bytes left out).`
        : "."),
  );
  const [top, second] = summary.children;
  if (top) {
    out.push(
      `The largest is ${trim(top.name)}: ${formatBytes(top.bytes)} in ${formatNumber(top.keys)} keys, ${percent(top.bytes, summary.bytes)} of the bytes` +
        (second
          ? `; then ${trim(second.name)} with ${formatBytes(second.bytes)} (${percent(second.bytes, summary.bytes)}).`
          : "."),
    );
  }
  const growing = summary.children
    .map((c) => ({ c, net: c.createsPerSecond - c.deletesPerSecond }))
    .filter((g) => g.net > 0.001)
    .sort((a, b) => b.net - a.net)
    .slice(0, 3);
  if (growing.length > 0) {
    out.push(
      `Growing fastest: ${growing
        .map(
          (g) =>
            `${trim(g.c.name)} (${formatNumber(g.net)} keys/s net, ${formatNumber(g.c.writesPerSecond)} writes/s)`,
        )
        .join(", ")}.`,
    );
  } else if (summary.children.length > 0) {
    out.push(
      `Nothing here grew in the last minute (${formatNumber(summary.writesPerSecond)} writes/s).`,
    );
  }
  const largest = summary.largest.slice(0, 3);
  if (largest.length > 0) {
    out.push(
      `Largest values: ${largest.map((l) => `${l.key} (${formatBytes(l.bytes)})`).join(", ")}.`,
    );
  }
  if (member && summary.prefix === "" && member.dbSizeBytes !== null) {
    const inUse = member.dbSizeInUseBytes;
    out.push(
      `Live keys and values take ${formatBytes(summary.bytes)}; member ${member.name}'s database uses ${
        inUse !== null ? `${formatBytes(inUse)} (dbSizeInUse) of ` : ""
      }${formatBytes(member.dbSizeBytes)} on disk (dbSize). The gap is MVCC history (older revisions kept until compaction) plus fragmentation (free pages kept until defragmentation).`,
    );
  }
  return out;
}
