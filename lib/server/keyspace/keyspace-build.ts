import "server-only";
import { bytesLatin1 } from "../../keys/key-bytes";
import { applyChange } from "../../keyspace/apply-change";
import type { KeyChange } from "../../keyspace/key-change";
import { KeyspaceTree } from "../../keyspace/keyspace-tree";
import { ScanLedger } from "../../keyspace/scan-ledger";
import type { ScanAnswer, WatchedChange } from "./keyspace-member";
import type { ValueRedaction } from "./value-redaction";

export type ScanPass = "keys" | "values";

/**
 * One attempt at the index: a fresh tree, the two passes' ledgers, and the watched changes
 * waiting while a page read is in flight. A change is applied only between reads, after the
 * page it may concern is recorded (see ScanLedger), so a page answered before a change was
 * applied on the member, but delivered after it, is not counted twice or missed.
 */
export class KeyspaceBuild {
  readonly tree = new KeyspaceTree();
  readonly ledgers = { keys: new ScanLedger(), values: new ScanLedger() };
  revision = 0;
  private pending: WatchedChange[] = [];
  private reading = false;

  constructor(private readonly redaction: ValueRedaction) {}

  /** Marks a page read in flight: changes wait until it is recorded. */
  beginRead(): void {
    this.reading = true;
  }

  /** Adds a page of `pass` covering up to `end` (latin1; null: the keyspace's end). */
  recordPage(pass: ScanPass, answer: ScanAnswer, end: string | null): void {
    for (const { key, value } of answer.keys) {
      const k = bytesLatin1(key);
      if (pass === "keys") this.tree.addKey(k);
      else if (value) this.tree.addValue(k, value.length, this.redaction(key, value));
    }
    this.ledgers[pass].record(end, answer.revision);
    this.revision = Math.max(this.revision, answer.revision);
    this.reading = false;
    this.drain();
  }

  /** Changes from the watch, as of `revision` (a progress notification carries none). */
  watched(changes: WatchedChange[], revision: number): void {
    this.pending.push(...changes);
    if (!this.reading) this.drain();
    if (this.pending.length === 0) this.revision = Math.max(this.revision, revision);
  }

  private drain(): void {
    const now = Date.now();
    for (const change of this.pending) {
      applyChange(this.tree, this.ledgers, this.toKeyChange(change), now);
      this.revision = Math.max(this.revision, change.revision);
    }
    this.pending = [];
  }

  private toKeyChange(c: WatchedChange): KeyChange {
    return {
      kind: c.kind,
      key: bytesLatin1(c.key),
      revision: c.revision,
      created: c.kind === "put" && c.version === 1,
      valueBytes: c.value.length,
      redacted: c.kind === "put" && this.redaction(c.key, c.value),
      previous: c.previous
        ? { valueBytes: c.previous.length, redacted: this.redaction(c.key, c.previous) }
        : null,
    };
  }
}
