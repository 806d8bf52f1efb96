interface ScannedPage {
  start: string;
  /** Exclusive; null: to the end of the keyspace. */
  end: string | null;
  revision: number;
}

/**
 * Which watch events a scan has already seen. A scan reads the keyspace in order, each page at
 * the member's newest revision, while a watch delivers every change from the first page's
 * revision on. An event at revision `r` on key `k` is for the index to apply when `k` lies in
 * the scanned part and the page that covered `k` was read before `r`; otherwise the page
 * already holds it (read at or after `r`) or a later page will (the watch and the reads go to
 * the same member, so a page read after the event was delivered is at a revision ≥ `r`).
 * Keys and bounds are latin1 strings, compared in etcd's byte order.
 */
export class ScanLedger {
  /** Everything before this was scanned; null: nothing yet. */
  private frontier: string | null = null;
  private done = false;
  /** Pages whose revision may still be ahead of the watch, in key order. */
  private readonly pages: ScannedPage[] = [];

  get complete(): boolean {
    return this.done;
  }

  /** A page covering [start of the unscanned part, end), read at `revision`. */
  record(end: string | null, revision: number): void {
    this.pages.push({ start: this.frontier ?? "", end, revision });
    if (end === null) this.done = true;
    else this.frontier = end;
  }

  /** True when a change to `key` at `revision` is not yet in the scanned figures. */
  applies(key: string, revision: number): boolean {
    // Events come in revision order: pages read before this one no longer hold anything back.
    while (this.pages.length > 0 && (this.pages[0] as ScannedPage).revision < revision) {
      this.pages.shift();
    }
    if (!this.done && (this.frontier === null || key >= this.frontier)) return false;
    const page = this.pages.find((p) => key >= p.start && (p.end === null || key < p.end));
    return page === undefined || page.revision < revision;
  }
}
