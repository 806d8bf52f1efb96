import { DecayingRate } from "./decaying-rate";
import { LargestKeys } from "./largest-keys";

/** The directory separator, as the key browser's default and Kubernetes' layout use it. */
export const SEPARATOR = "/";
/** Largest keys kept per directory. */
export const LARGEST_PER_DIRECTORY = 10;
/** Directories deeper than this are not indexed apart: their keys count in the deepest one. */
export const MAX_DEPTH = 32;

/** One directory's aggregates; every count covers all keys below it, at any depth. */
export interface DirectoryStats {
  /** The directory as latin1 (one code unit per byte), ending with the separator; "" is the root. */
  readonly path: string;
  keys: number;
  keyBytes: number;
  /** Bytes of values whose size is known and which are not redacted. */
  valueBytes: number;
  /** Keys whose values are redacted: counted, their bytes never kept. */
  redactedKeys: number;
  /** Keys directly in this directory (not below a child directory). */
  ownKeys: number;
  /** True when keys deeper than MAX_DEPTH count here as own keys. */
  deep: boolean;
  readonly children: Set<string>;
  readonly largest: LargestKeys;
  readonly writes: DecayingRate;
  /** Puts that created a key: with deletes, how fast the directory grows. */
  readonly creates: DecayingRate;
  readonly deletes: DecayingRate;
}

/**
 * Aggregates of a keyspace by directory (separator "/"), never the keys themselves: memory grows
 * with directories, not keys. Keys and directories are latin1 strings, whose code-unit order is
 * etcd's byte order. Pure: the caller decides when a key or a value is added or removed.
 */
export class KeyspaceTree {
  private readonly dirs = new Map<string, DirectoryStats>();

  constructor() {
    this.dirs.set("", newDirectory(""));
  }

  get directoryCount(): number {
    return this.dirs.size;
  }

  get(path: string): DirectoryStats | undefined {
    return this.dirs.get(path);
  }

  /** A key that now exists: its count and key bytes on every directory of its path. */
  addKey(key: string): void {
    const path = this.pathOf(key, true);
    for (const dir of path) {
      dir.keys++;
      dir.keyBytes += key.length;
    }
    (path[path.length - 1] as DirectoryStats).ownKeys++;
  }

  /** A key that no longer exists; directories left empty are dropped. */
  removeKey(key: string): void {
    const path = this.pathOf(key, false);
    for (const dir of path) {
      dir.keys = Math.max(0, dir.keys - 1);
      dir.keyBytes = Math.max(0, dir.keyBytes - key.length);
    }
    const own = path[path.length - 1] as DirectoryStats;
    own.ownKeys = Math.max(0, own.ownKeys - 1);
    for (let i = path.length - 1; i > 0; i--) {
      const dir = path[i] as DirectoryStats;
      if (dir.keys > 0) break;
      this.dirs.delete(dir.path);
      (path[i - 1] as DirectoryStats).children.delete(dir.path);
    }
  }

  /** A value of `bytes` bytes under `key`; a redacted one counts, its size is not kept. */
  addValue(key: string, bytes: number, redacted: boolean): void {
    for (const dir of this.pathOf(key, false)) {
      if (redacted) dir.redactedKeys++;
      else {
        dir.valueBytes += bytes;
        dir.largest.offer(key, bytes);
      }
    }
  }

  removeValue(key: string, bytes: number, redacted: boolean): void {
    for (const dir of this.pathOf(key, false)) {
      if (redacted) dir.redactedKeys = Math.max(0, dir.redactedKeys - 1);
      else {
        dir.valueBytes = Math.max(0, dir.valueBytes - bytes);
        dir.largest.remove(key);
      }
    }
  }

  /** A put (or a delete) seen at `nowMs`, for the recent rates of every directory on its path. */
  noteChange(key: string, kind: "put" | "delete", created: boolean, nowMs: number): void {
    for (const dir of this.pathOf(key, false)) {
      (kind === "put" ? dir.writes : dir.deletes).add(1, nowMs);
      if (created) dir.creates.add(1, nowMs);
    }
  }

  /** The existing directories from the root down to `key`'s own, creating them when asked. */
  private pathOf(key: string, create: boolean): DirectoryStats[] {
    const root = this.dirs.get("") as DirectoryStats;
    const path = [root];
    let parent = root;
    let from = 0;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const at = key.indexOf(SEPARATOR, from);
      if (at < 0) return path;
      const dirPath = key.slice(0, at + 1);
      let dir = this.dirs.get(dirPath);
      if (!dir) {
        if (!create) return path;
        dir = newDirectory(dirPath);
        this.dirs.set(dirPath, dir);
        parent.children.add(dirPath);
      }
      path.push(dir);
      parent = dir;
      from = at + 1;
    }
    if (key.indexOf(SEPARATOR, from) >= 0) parent.deep = true;
    return path;
  }
}

function newDirectory(path: string): DirectoryStats {
  return {
    path,
    keys: 0,
    keyBytes: 0,
    valueBytes: 0,
    redactedKeys: 0,
    ownKeys: 0,
    deep: false,
    children: new Set(),
    largest: new LargestKeys(LARGEST_PER_DIRECTORY),
    writes: new DecayingRate(),
    creates: new DecayingRate(),
    deletes: new DecayingRate(),
  };
}
