import { bytesText, bytesToBase64 } from "../keys/key-bytes";
import type { KeyspaceChild, KeyspaceSummary } from "./keyspace-api";
import type { DirectoryStats, KeyspaceTree } from "./keyspace-tree";
import { latin1Bytes } from "./latin1";

export type DirectoryFigures = Omit<
  KeyspaceSummary,
  "state" | "reason" | "phase" | "revision" | "progress" | "endpoint"
>;

function child(dir: DirectoryStats, prefixLength: number, nowMs: number): KeyspaceChild {
  const bytes = latin1Bytes(dir.path);
  return {
    name: bytesText(bytes.subarray(prefixLength)),
    key: bytesText(bytes),
    keyBase64: bytesToBase64(bytes),
    keys: dir.keys,
    bytes: dir.keyBytes + dir.valueBytes,
    writesPerSecond: dir.writes.perSecond(nowMs),
    createsPerSecond: dir.creates.perSecond(nowMs),
    deletesPerSecond: dir.deletes.perSecond(nowMs),
  };
}

/**
 * The figures of directory `prefix` (latin1, "" or ending with "/") and of its largest
 * `limit` child directories, by bytes. A prefix the index does not hold answers zeros: the
 * directory has no keys. Work is bounded by the directory's child count.
 */
export function summarizeDirectory(
  tree: KeyspaceTree,
  prefix: string,
  limit: number,
  nowMs: number,
): DirectoryFigures {
  const dir = tree.get(prefix);
  const prefixBytes = latin1Bytes(prefix);
  const children = dir
    ? [...dir.children]
        .map((path) => tree.get(path))
        .filter((d): d is DirectoryStats => d !== undefined)
        .sort((a, b) => b.keyBytes + b.valueBytes - (a.keyBytes + a.valueBytes) || b.keys - a.keys)
    : [];
  return {
    prefix: bytesText(prefixBytes),
    prefixBase64: bytesToBase64(prefixBytes),
    keys: dir?.keys ?? 0,
    bytes: (dir?.keyBytes ?? 0) + (dir?.valueBytes ?? 0),
    keyBytes: dir?.keyBytes ?? 0,
    valueBytes: dir?.valueBytes ?? 0,
    redactedKeys: dir?.redactedKeys ?? 0,
    ownKeys: dir?.ownKeys ?? 0,
    writesPerSecond: dir?.writes.perSecond(nowMs) ?? 0,
    createsPerSecond: dir?.creates.perSecond(nowMs) ?? 0,
    deletesPerSecond: dir?.deletes.perSecond(nowMs) ?? 0,
    children: children.slice(0, limit).map((d) => child(d, prefixBytes.length, nowMs)),
    childrenTotal: children.length,
    largest: (dir?.largest.entries ?? []).map((e) => {
      const key = latin1Bytes(e.key);
      return { key: bytesText(key), keyBase64: bytesToBase64(key), bytes: e.bytes };
    }),
  };
}
