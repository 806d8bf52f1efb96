import { compareBytes } from "../keys/key-bytes";
import { keySuccessor, prefixEnd } from "../keys/key-range";

/** Keys per read at most: etcd's own clients page by 1,000 or fewer too. */
export const MAX_PAGE_KEYS = 1000;

/** One read of a scan: [start, end) with at most `limit` keys; an empty end is the keyspace's end. */
export interface ScanRead {
  start: Uint8Array;
  end: Uint8Array;
  limit: number;
}

export interface ScanPageResult {
  keys: Uint8Array[];
  /** Bytes the answer carried (keys, and values on the values pass). */
  bytes: number;
  more: boolean;
  /** Keys in the whole range: what etcd walked to answer. */
  count: number;
}

const EMPTY = new Uint8Array();

/**
 * Plans the reads of a paged scan of the whole keyspace (or of one range of it). etcd 3.4 and 3.5 count every key of a
 * limited range to fill in `count`, so a read to the keyspace's end walks all the rest: after
 * the first read (which walks everything once, and so gives the total for progress), each
 * read ends at the end of a prefix of the last key seen: the prefix shortens (the range widens)
 * while reads come back half empty and lengthens while they walk more than two pages' worth.
 * It starts narrow, because a read that is too narrow costs a round trip and one too wide
 * costs a walk. Pages are bounded in bytes too: the limit follows the average size seen.
 */
export class ScanPager {
  private pos: Uint8Array = EMPTY;
  private last: Uint8Array | undefined;
  /** Length of the last key's prefix whose end bounds the next read; 0: the keyspace's end. */
  private depth = Number.POSITIVE_INFINITY;
  private avgBytes: number;
  private finished = false;
  /** Keys in the keyspace when the first read walked it all. */
  total: number | undefined;
  scanned = 0;

  /** Exclusive end of the scanned range; empty: the keyspace's end. */
  private readonly rangeEnd: Uint8Array;

  constructor(
    private readonly pageBytes: number,
    firstGuessBytesPerKey: number,
    range: { start: Uint8Array; end: Uint8Array } = { start: EMPTY, end: EMPTY },
  ) {
    this.avgBytes = firstGuessBytesPerKey;
    this.pos = range.start;
    this.rangeEnd = range.end;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Where the next read starts: everything before it has been read. */
  get position(): Uint8Array {
    return this.pos;
  }

  /** Scanned share of the keyspace, 0 to 1 (the total is the first read's count). */
  get progress(): number {
    if (this.finished) return 1;
    if (!this.total) return 0;
    return Math.min(0.99, this.scanned / this.total);
  }

  next(): ScanRead {
    const limit = Math.max(1, Math.min(MAX_PAGE_KEYS, Math.floor(this.pageBytes / this.avgBytes)));
    if (!this.last) return { start: this.pos, end: this.rangeEnd, limit };
    this.depth = Math.min(this.depth, this.last.length);
    for (; this.depth > 0; this.depth--) {
      const end = prefixEnd(this.last.subarray(0, this.depth));
      if (end.length === 0 || compareBytes(end, this.pos) <= 0) continue;
      if (this.rangeEnd.length > 0 && compareBytes(end, this.rangeEnd) >= 0) break;
      return { start: this.pos, end, limit };
    }
    return { start: this.pos, end: this.rangeEnd, limit };
  }

  /** Moves past what `read` returned; the next read starts where this one stopped. */
  consume(read: ScanRead, result: ScanPageResult): void {
    this.total ??= result.count;
    this.scanned += result.keys.length;
    if (result.keys.length > 0) {
      this.avgBytes = Math.max(16, (this.avgBytes + result.bytes / result.keys.length) / 2);
    }
    const lastKey = result.keys[result.keys.length - 1];
    if (lastKey) this.last = lastKey;
    if (result.more && lastKey) {
      this.pos = keySuccessor(lastKey);
      if (result.count > 2 * read.limit) this.depth++;
      return;
    }
    if (result.count < read.limit / 2) this.depth--;
    if (read.end.length === 0 || compareBytes(read.end, this.rangeEnd) === 0) this.finished = true;
    else this.pos = read.end;
  }
}
