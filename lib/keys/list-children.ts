import { type ChildEntry, childOf, pastChild } from "./child-entry";
import { type DirectoryHints, type DirHint, hintScope, rememberPath } from "./directory-hints";
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

/** How the next read's range ends: at the prefix's end, at a hinted directory, or galloping. */
type Bound = "end" | "hint" | "gallop";

/** One planned read: [pos, rangeEnd), at most `count` keys. */
interface PlannedRead {
  bound: Bound;
  rangeEnd: Uint8Array;
  count: number;
  /** The hinted directory the read reaches to, for bound "hint". */
  hint: DirHint | undefined;
}

/** A directory child met in the current read, with what the read showed of its size. */
interface OpenDirectory {
  child: ChildEntry;
  witness: Uint8Array;
  keys: number;
  /** The read started at or before the directory's first key. */
  whole: boolean;
}

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
  return new ChildListing(read, opts, hints).run();
}

/**
 * The state of one page's listing, and its steps: plan a read, consume it, adjust the stride,
 * remember directories. Each read's plan depends on what the previous ones found.
 */
class ChildListing {
  private readonly prefix: Uint8Array;
  private readonly separator: Uint8Array;
  private readonly limit: number;
  private readonly end: Uint8Array;
  private readonly scope: string;
  private readonly children: ChildEntry[] = [];
  private pos: Uint8Array;
  private revision: number;
  private headerRevision = 0;
  private batch: number;
  private reads = 0;
  private exhausted = false;
  /**
   * Set once a read to the prefix's end walked many keys: later reads then gallop. A page that
   * resumes from a cursor belongs to a listing long enough to need pages, so it gallops at once.
   */
  private largeRemainder: boolean;
  /** The listing's first child: siblings tend to share its shape, which guides galloping. */
  private template: Uint8Array | undefined;
  /** Range ends to gallop through, nearest first. */
  private gallop: Uint8Array[];
  /** The last read found a child: the next one may skip `stride` of the nearest ends. */
  private fresh = false;
  private stride = 0;
  /** Reads started ahead of need, by range (see readAhead). */
  private readonly ahead = new Map<string, Promise<RangeReadResult>>();

  constructor(
    private readonly read: KeyRangeReader,
    opts: ListChildrenOptions,
    private readonly hints: DirectoryHints | undefined,
  ) {
    this.prefix = opts.prefix;
    this.separator = opts.separator;
    this.limit = opts.limit;
    this.end = prefixEnd(opts.prefix);
    this.scope = hintScope(opts.prefix, opts.separator);
    this.pos = opts.start && compareBytes(opts.start, opts.prefix) > 0 ? opts.start : opts.prefix;
    this.revision = opts.revision;
    this.batch = Math.min(opts.limit + 1, MAX_BATCH);
    this.largeRemainder = opts.start !== undefined;
    // Galloping starts after a directory: a cursor past a key ends in 0x00, one past a directory
    // is the directory's end.
    this.gallop =
      opts.start && opts.start[opts.start.length - 1] !== 0
        ? gallopEnds(opts.prefix, opts.start)
        : [];
  }

  async run(): Promise<ChildPage> {
    while (!this.exhausted && this.children.length <= this.limit && this.beforeEnd(this.pos)) {
      const plan = this.planRead();
      if (plan.bound === "hint") this.readAhead(this.pos);
      const res = await this.readRange(this.pos, plan.rangeEnd, plan.count);
      this.adjustStride(plan, res);
      this.consume(plan, res);
      if (this.exhausted || this.children.length > this.limit) break;
      if (res.more) {
        if (plan.bound !== "hint") this.batch = Math.min(this.batch * 2, MAX_BATCH);
        continue;
      }
      // [pos, rangeEnd) holds nothing more.
      if (plan.bound === "end") break;
      if (plan.bound === "hint" && plan.hint && compareBytes(this.pos, plan.hint.witness) <= 0) {
        // Nothing up to the witness: it is gone. Read on past it without the hint.
        this.hints?.forget(this.scope, plan.hint.dir);
      }
      if (compareBytes(this.pos, plan.rangeEnd) < 0) this.pos = plan.rangeEnd;
    }
    const more = this.children.length > this.limit;
    const page = more ? this.children.slice(0, this.limit) : this.children;
    const last = page[page.length - 1];
    return {
      children: page,
      next: more && last ? pastChild(last) : null,
      revision: this.revision,
      headerRevision: this.headerRevision,
      reads: this.reads,
    };
  }

  private beforeEnd(k: Uint8Array): boolean {
    return this.end.length === 0 || compareBytes(k, this.end) < 0;
  }

  /**
   * Where the next read ends: at the prefix's end, or sooner: at the key that proves the next
   * large directory non-empty, or at the next galloping bound when the rest of the prefix is
   * large. Right after a directory it skips `stride` of the nearest ends: siblings that proved
   * small made the nearest ends too narrow to be worth a round trip each.
   */
  private planRead(): PlannedRead {
    const hinted = this.hintedRange(this.pos);
    this.gallop = this.gallop.filter((g) => compareBytes(g, this.pos) > 0);
    const skip = this.fresh ? this.stride : 0;
    const candidate = this.gallop[Math.min(skip, this.gallop.length - 1)];
    this.fresh = false;
    if (hinted) {
      // Large directories up to the hinted one would have hints: read straight to it.
      return { bound: "hint", rangeEnd: hinted.rangeEnd, count: hinted.count, hint: hinted.hint };
    }
    if (this.largeRemainder && candidate && this.beforeEnd(candidate)) {
      return { bound: "gallop", rangeEnd: candidate, count: this.batch, hint: undefined };
    }
    return { bound: "end", rangeEnd: this.end, count: this.batch, hint: undefined };
  }

  /**
   * Reads to the prefix's end decide whether the rest is large; galloping reads that overflow
   * narrow the stride, and ones that come back small widen it.
   */
  private adjustStride(plan: PlannedRead, res: RangeReadResult): void {
    if (plan.bound === "end") this.largeRemainder = res.count > GALLOP_ABOVE;
    if (plan.bound !== "gallop") return;
    if (res.more) this.stride = Math.max(0, this.stride - 1);
    else if (res.count > 0 && res.count < this.batch / 4) {
      this.stride = Math.min(this.stride + 1, MAX_STRIDE);
    }
  }

  /** Takes the read's new children; keys under a directory already listed are skipped. */
  private consume(plan: PlannedRead, res: RangeReadResult): void {
    const childrenBefore = this.children.length;
    let dir: OpenDirectory | undefined;
    for (const key of res.keys) {
      if (compareBytes(key, this.pos) < 0) {
        if (dir) dir.keys++;
        continue;
      }
      this.rememberLarge(dir, false, plan, res, childrenBefore);
      dir = undefined;
      const child = childOf(this.prefix, this.separator, key);
      if (child.kind === "dir") {
        dir = { child, witness: key, keys: 1, whole: compareBytes(this.pos, child.key) <= 0 };
      }
      this.template ??= child.key;
      this.accept(child, key);
      // Only a directory is skipped; after a key the next one follows directly.
      this.gallop = child.kind === "dir" ? gallopEnds(this.prefix, child.key, this.template) : [];
      this.fresh = true;
      if (this.children.length > this.limit) {
        // The look-ahead child ends this page and starts the next: hint it for both.
        if (child.kind === "dir")
          this.hints?.remember(this.scope, { dir: child.key, witness: key });
        break;
      }
      if (this.exhausted) break;
    }
    const ended = res.more && !this.exhausted && this.children.length <= this.limit;
    this.rememberLarge(dir, ended, plan, res, childrenBefore);
  }

  private accept(child: ChildEntry, witness: Uint8Array): void {
    const enteredAtStart = compareBytes(this.pos, child.key) <= 0;
    this.children.push(child);
    // The first key of a directory is also the first key of each directory below it on its
    // path, so drilling down from here starts with a bounded read.
    if (child.kind === "dir" && this.hints && enteredAtStart) {
      rememberPath(this.hints, child.key, this.separator, witness);
    }
    const past = pastChild(child);
    if (past.length === 0 || !this.beforeEnd(past)) this.exhausted = true;
    else this.pos = past;
  }

  /**
   * A directory with many keys (or more than the batch held: `ended`) is worth a hint that bounds
   * the read which finds it next time; small ones come along in any batch. Its size is known
   * when the batch held all of it, or when a galloping read found it alone: that range's count
   * is then the directory's.
   */
  private rememberLarge(
    dir: OpenDirectory | undefined,
    ended: boolean,
    plan: PlannedRead,
    res: RangeReadResult,
    childrenBefore: number,
  ): void {
    if (!dir || !(ended || dir.keys >= HINT_MIN_KEYS)) return;
    const alone = plan.bound === "gallop" && this.children.length === childrenBefore + 1;
    const size =
      dir.whole && !ended ? { size: dir.keys } : dir.whole && alone ? { size: res.count } : {};
    this.hints?.remember(this.scope, { dir: dir.child.key, witness: dir.witness, ...size });
    if (ended) this.batch = Math.min(this.limit + 1, MAX_BATCH);
  }

  private async readRange(
    start: Uint8Array,
    rangeEnd: Uint8Array,
    count: number,
  ): Promise<RangeReadResult> {
    const id = rangeId(start, rangeEnd, count);
    const started = this.ahead.get(id);
    this.ahead.delete(id);
    const res = await (started ??
      this.read({ start, end: rangeEnd, limit: count, revision: this.revision }));
    this.reads++;
    this.headerRevision = res.headerRevision;
    // Pin the page to one revision, so later reads see the same keyspace as the first.
    if (this.revision === 0) this.revision = res.headerRevision;
    return res;
  }

  /**
   * The read from `start` to a hinted directory: past hinted directories small enough to come
   * whole in one batch together, up to the witness of the first that is not.
   */
  private hintedRange(
    start: Uint8Array,
  ): { hint: DirHint; rangeEnd: Uint8Array; count: number } | undefined {
    let hint = this.hints?.next(this.scope, start);
    let absorbed = 0;
    while (hint?.size !== undefined && absorbed + hint.size < MAX_BATCH - this.batch) {
      const after = prefixEnd(hint.dir);
      const next = after.length > 0 ? this.hints?.next(this.scope, after) : undefined;
      if (!next) break;
      absorbed += hint.size;
      hint = next;
    }
    const rangeEnd = hint ? keySuccessor(hint.witness) : undefined;
    if (!hint || !rangeEnd || !this.beforeEnd(rangeEnd)) return undefined;
    return { hint, rangeEnd, count: Math.min(MAX_BATCH, absorbed + this.batch) };
  }

  /**
   * Starts the reads up to the next few hinted directories side by side: once the revision is
   * pinned, they are known in advance.
   */
  private readAhead(from: Uint8Array): void {
    let start = from;
    for (let i = 0; i < READ_AHEAD && this.revision !== 0; i++) {
      const range = this.hintedRange(start);
      if (!range) return;
      const id = rangeId(start, range.rangeEnd, range.count);
      if (!this.ahead.has(id)) {
        const started = this.read({
          start,
          end: range.rangeEnd,
          limit: range.count,
          revision: this.revision,
        });
        // A read the page ends up not needing must not surface as an unhandled rejection.
        started.catch(() => undefined);
        this.ahead.set(id, started);
      }
      start = prefixEnd(range.hint.dir);
      if (start.length === 0 || !this.beforeEnd(start)) return;
    }
  }
}

function rangeId(start: Uint8Array, rangeEnd: Uint8Array, count: number): string {
  return `${count}|${bytesLatin1(start)}|${bytesLatin1(rangeEnd)}`;
}
