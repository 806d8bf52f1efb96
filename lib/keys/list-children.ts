import { type ChildEntry, childOf, pastChild } from "./child-entry";
import { type DirectoryHints, hintScope, rememberPath } from "./directory-hints";
import { gallopEnds } from "./gallop-ends";
import { bytesLatin1, compareBytes } from "./key-bytes";
import { keySuccessor, prefixEnd } from "./key-range";
import type { KeyRangeReader, RangeReadResult } from "./key-range-reader";

export interface ListChildrenOptions {
  prefix: Uint8Array;
  /** Empty lists every key under the prefix flat. */
  separator: Uint8Array;
  /** Resume here (from a cursor); defaults to the prefix itself. */
  start?: Uint8Array;
  limit: number;
  /** 0 reads the newest revision; every read of one page uses the same revision. */
  revision: number;
}

export interface ChildPage {
  children: ChildEntry[];
  /** Where the next page starts; null when the listing is complete. */
  next: Uint8Array | null;
  /** The revision the page was read at. */
  revision: number;
  /** The store's revision when the page was read. */
  headerRevision: number;
  /** etcd range reads this page took (for benchmarks and tests). */
  reads: number;
}

/** etcd 3.4 walks the whole requested range on every read; batches only bound what is sent. */
export const MAX_BATCH = 1000;

/**
 * Reads that reach past this many keys cost more than a round trip (etcd 3.4 walks its index
 * at roughly 0.3 µs a key; a read costs about 0.5 ms): beyond it, reads gallop.
 */
export const GALLOP_ABOVE = 2_000;

const MAX_STRIDE = 6;
/** Reads to hinted directories started together; the server's semaphore caps what etcd sees. */
const READ_AHEAD = 4;

/** A directory seen with at least this many keys gets a hint. */
export const HINT_MIN_KEYS = 64;

/**
 * One page of the children of `prefix`: keys directly under it, and directories (the prefix up to
 * the next separator). A skip-scan: after directory `a/`, the next read starts at the first key
 * past everything under it (`a0`), so a page costs reads in proportion to the children shown, not
 * to their descendants. Every read is bounded by the prefix's end, and, when `hints` knows the
 * next directory, by the key that proved it non-empty: etcd 3.4 walks its whole index range on
 * every limited read, so a tight range_end is what keeps a page cheap.
 */
export async function listChildren(
  read: KeyRangeReader,
  opts: ListChildrenOptions,
  hints?: DirectoryHints,
): Promise<ChildPage> {
  const { prefix, separator, limit } = opts;
  const end = prefixEnd(prefix);
  const scope = hintScope(prefix, separator);
  const beforeEnd = (k: Uint8Array) => end.length === 0 || compareBytes(k, end) < 0;
  const children: ChildEntry[] = [];
  let pos = opts.start && compareBytes(opts.start, prefix) > 0 ? opts.start : prefix;
  let revision = opts.revision;
  let headerRevision = 0;
  let batch = Math.min(limit + 1, MAX_BATCH);
  let reads = 0;
  let exhausted = false;
  // Set once a read to the prefix's end walked many keys: later reads then gallop. A page that
  // resumes from a cursor belongs to a listing long enough to need pages, so it gallops at once.
  let largeRemainder = opts.start !== undefined;
  // The listing's first child: siblings tend to share its shape, which guides galloping.
  let template: Uint8Array | undefined;
  // Galloping starts after a directory: a cursor past a key ends in 0x00, one past a directory
  // is the directory's end.
  let gallop =
    opts.start && opts.start[opts.start.length - 1] !== 0 ? gallopEnds(prefix, opts.start) : [];
  let fresh = false;
  let stride = 0;
  let empties = 0;

  const accept = (child: ChildEntry, witness: Uint8Array) => {
    const enteredAtStart = compareBytes(pos, child.key) <= 0;
    children.push(child);
    // The first key of a directory is also the first key of each directory below it on its
    // path, so drilling down from here starts with a bounded read.
    if (child.kind === "dir" && hints && enteredAtStart) {
      rememberPath(hints, child.key, separator, witness);
    }
    const past = pastChild(child);
    if (past.length === 0 || !beforeEnd(past)) exhausted = true;
    else pos = past;
  };
  // Reads started ahead of need, by range: once the revision is pinned, the reads up to the next
  // few hinted directories are known in advance and run side by side.
  const ahead = new Map<string, Promise<RangeReadResult>>();
  const rangeId = (start: Uint8Array, rangeEnd: Uint8Array, count: number) =>
    `${count}|${bytesLatin1(start)}|${bytesLatin1(rangeEnd)}`;
  const readRange = async (start: Uint8Array, rangeEnd: Uint8Array, count: number) => {
    const id = rangeId(start, rangeEnd, count);
    const started = ahead.get(id);
    ahead.delete(id);
    const res = await (started ?? read({ start, end: rangeEnd, limit: count, revision }));
    reads++;
    headerRevision = res.headerRevision;
    // Pin the page to one revision, so later reads see the same keyspace as the first.
    if (revision === 0) revision = res.headerRevision;
    return res;
  };
  // The read from `start` to a hinted directory: past hinted directories small enough to come
  // whole in one batch together, up to the witness of the first that is not.
  const hintedRange = (start: Uint8Array) => {
    let hint = hints?.next(scope, start);
    let absorbed = 0;
    while (hint?.size !== undefined && absorbed + hint.size < MAX_BATCH - batch) {
      const after = prefixEnd(hint.dir);
      const next = after.length > 0 ? hints?.next(scope, after) : undefined;
      if (!next) break;
      absorbed += hint.size;
      hint = next;
    }
    const rangeEnd = hint ? keySuccessor(hint.witness) : undefined;
    if (!hint || !rangeEnd || !beforeEnd(rangeEnd)) return undefined;
    return { hint, rangeEnd, count: Math.min(MAX_BATCH, absorbed + batch) };
  };
  const readAhead = (from: Uint8Array) => {
    let start = from;
    for (let i = 0; i < READ_AHEAD && revision !== 0; i++) {
      const range = hintedRange(start);
      if (!range) return;
      const id = rangeId(start, range.rangeEnd, range.count);
      if (!ahead.has(id)) {
        const started = read({ start, end: range.rangeEnd, limit: range.count, revision });
        // A read the page ends up not needing must not surface as an unhandled rejection.
        started.catch(() => undefined);
        ahead.set(id, started);
      }
      start = prefixEnd(range.hint.dir);
      if (start.length === 0 || !beforeEnd(start)) return;
    }
  };

  while (!exhausted && children.length <= limit && beforeEnd(pos)) {
    // The range ends at the prefix's end, or sooner: at the key that proves the next large
    // directory non-empty, or at the next galloping bound when the rest of the prefix is large.
    const hinted = hintedRange(pos);
    const hint = hinted?.hint;
    let bound: "end" | "hint" | "gallop" = "end";
    let rangeEnd = end;
    let count = batch;
    gallop = gallop.filter((g) => compareBytes(g, pos) > 0);
    // Right after a directory, skip `stride` of the nearest ends: siblings that proved small
    // made the nearest ends too narrow to be worth a round trip each. After reads that came back
    // empty, skip ever more: the next sibling is far, and round trips add up.
    const skip = fresh ? stride : 0;
    const candidate = gallop[Math.min(skip, gallop.length - 1)];
    fresh = false;
    if (hinted) {
      // Large directories up to the hinted one would have hints: read straight to it.
      bound = "hint";
      rangeEnd = hinted.rangeEnd;
      count = hinted.count;
    } else if (largeRemainder && candidate && beforeEnd(candidate)) {
      bound = "gallop";
      rangeEnd = candidate;
    }
    if (bound === "hint") readAhead(pos);
    const res = await readRange(pos, rangeEnd, count);
    if (bound === "end") largeRemainder = res.count > GALLOP_ABOVE;
    if (bound === "gallop") {
      empties = res.keys.length === 0 ? empties + 1 : 0;
      if (res.more) stride = Math.max(0, stride - 1);
      else if (res.count > 0 && res.count < batch / 4) stride = Math.min(stride + 1, MAX_STRIDE);
    }
    let dir: { child: ChildEntry; witness: Uint8Array; keys: number; whole: boolean } | undefined;
    // A directory with many keys (or more than the batch held) is worth a hint that bounds the
    // read which finds it next time; small ones come along in any batch.
    const childrenBefore = children.length;
    const hintLarge = (ended: boolean) => {
      if (dir && (ended || dir.keys >= HINT_MIN_KEYS)) {
        // Its size is known when the batch held all of it, or when a galloping read found it
        // alone: that range's count is then the directory's.
        const alone = bound === "gallop" && children.length === childrenBefore + 1;
        const size =
          dir.whole && !ended ? { size: dir.keys } : dir.whole && alone ? { size: res.count } : {};
        hints?.remember(scope, { dir: dir.child.key, witness: dir.witness, ...size });
        if (ended) batch = Math.min(limit + 1, MAX_BATCH);
      }
      dir = undefined;
    };
    for (const key of res.keys) {
      // Keys under a directory already listed (the rest of this batch) are skipped.
      if (compareBytes(key, pos) < 0) {
        if (dir) dir.keys++;
        continue;
      }
      hintLarge(false);
      const child = childOf(prefix, separator, key);
      if (child.kind === "dir") {
        dir = { child, witness: key, keys: 1, whole: compareBytes(pos, child.key) <= 0 };
      }
      template ??= child.key;
      accept(child, key);
      // Only a directory is skipped; after a key the next one follows directly.
      gallop = child.kind === "dir" ? gallopEnds(prefix, child.key, template) : [];
      fresh = true;
      if (children.length > limit) {
        // The look-ahead child ends this page and starts the next: hint it for both.
        if (child.kind === "dir") hints?.remember(scope, { dir: child.key, witness: key });
        break;
      }
      if (exhausted) break;
    }
    hintLarge(res.more && !exhausted && children.length <= limit);
    if (exhausted || children.length > limit) break;
    if (res.more) {
      if (bound !== "hint") batch = Math.min(batch * 2, MAX_BATCH);
      continue;
    }
    // [pos, rangeEnd) holds nothing more.
    if (bound === "end") break;
    if (bound === "hint" && hint && compareBytes(pos, hint.witness) <= 0) {
      // Nothing up to the witness: it is gone. Read on past it without the hint.
      hints?.forget(scope, hint.dir);
    }
    if (compareBytes(pos, rangeEnd) < 0) pos = rangeEnd;
  }

  const more = children.length > limit;
  const page = more ? children.slice(0, limit) : children;
  const last = page[page.length - 1];
  return {
    children: page,
    next: more && last ? pastChild(last) : null,
    revision,
    headerRevision,
    reads,
  };
}
