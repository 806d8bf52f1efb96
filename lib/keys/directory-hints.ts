import { childOf } from "./child-entry";
import { bytesLatin1, compareBytes } from "./key-bytes";

/** A directory child seen before, and one key inside it that proved it non-empty. */
export interface DirHint {
  dir: Uint8Array;
  witness: Uint8Array;
  /** How many keys it held when last read whole; unknown when it was larger than a batch. */
  size?: number;
}

/** The listing's memory of directories, by scope (a prefix and separator). */
export interface DirectoryHints {
  /** The first known directory whose witness is at or after `from`. */
  next(scope: string, from: Uint8Array): DirHint | undefined;
  remember(scope: string, hint: DirHint): void;
  forget(scope: string, dir: Uint8Array): void;
}

function lowerBound(list: DirHint[], target: Uint8Array, by: (h: DirHint) => Uint8Array): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareBytes(by(list[mid] as DirHint), target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bounded hints: at most `maxEntries` directories in all, `maxPerScope` per listing, least
 * recently used scopes evicted first. Hints only steer reads; every one is checked at the
 * listing's revision, so a stale hint costs time, never a wrong answer.
 */
export class DirectoryHintCache implements DirectoryHints {
  private readonly scopes = new Map<string, DirHint[]>();
  private total = 0;

  constructor(
    private readonly maxEntries = 20_000,
    private readonly maxPerScope = 5_000,
  ) {}

  get size(): number {
    return this.total;
  }

  private touch(scope: string): DirHint[] | undefined {
    const list = this.scopes.get(scope);
    if (list) {
      this.scopes.delete(scope);
      this.scopes.set(scope, list);
    }
    return list;
  }

  next(scope: string, from: Uint8Array): DirHint | undefined {
    const list = this.touch(scope);
    if (!list) return undefined;
    return list[lowerBound(list, from, (h) => h.witness)];
  }

  remember(scope: string, hint: DirHint): void {
    let list = this.touch(scope);
    if (!list) {
      list = [];
      this.scopes.set(scope, list);
    }
    const at = lowerBound(list, hint.dir, (h) => h.dir);
    const existing = list[at];
    if (existing && compareBytes(existing.dir, hint.dir) === 0) {
      // The newest sighting is the one known to exist at a recent revision.
      list[at] = hint;
      return;
    }
    if (list.length >= this.maxPerScope) return;
    list.splice(at, 0, hint);
    this.total++;
    for (const [other, hints] of this.scopes) {
      if (this.total <= this.maxEntries) break;
      if (other === scope) continue;
      this.scopes.delete(other);
      this.total -= hints.length;
    }
  }

  forget(scope: string, dir: Uint8Array): void {
    const list = this.scopes.get(scope);
    if (!list) return;
    const at = lowerBound(list, dir, (h) => h.dir);
    const existing = list[at];
    if (existing && compareBytes(existing.dir, dir) === 0) {
      list.splice(at, 1);
      this.total--;
    }
  }
}

/** Hint scopes are per prefix and separator; latin1 maps each byte to one code unit. */
export function hintScope(prefix: Uint8Array, separator: Uint8Array): string {
  return `${bytesLatin1(separator)}\u0100${bytesLatin1(prefix)}`;
}

const MAX_PATH_DEPTH = 32;

/**
 * Hints for each directory on the path from `dir` down to `firstKey`, the first key under
 * `dir`: it is the first key of each of those directories too, so drilling down from a listing
 * starts every level with a bounded read.
 */
export function rememberPath(
  hints: DirectoryHints,
  dir: Uint8Array,
  separator: Uint8Array,
  firstKey: Uint8Array,
): void {
  let scopePrefix = dir;
  // Deep enough for any real tree; a key of a million separators must not cost a million hints.
  for (let depth = 0; depth < MAX_PATH_DEPTH; depth++) {
    const child = childOf(scopePrefix, separator, firstKey);
    if (child.kind !== "dir") return;
    hints.remember(hintScope(scopePrefix, separator), { dir: child.key, witness: firstKey });
    scopePrefix = child.key;
  }
}
