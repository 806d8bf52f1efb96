import "server-only";
import type { Etcd3, IKeyValue, IWatchResponse } from "etcd3";
import { createMemberClient, deadline } from "../etcd/member-client";
import type { TlsMaterial } from "../etcd/tls-material";

/** etcd's smallest key: with range_end "\0" as well, a read or watch covers every key. */
const ALL = Buffer.from([0]);
/** One page of a values scan and its envelope; pages are planned far below this. */
const MAX_RECEIVE_BYTES = 16 * 1024 * 1024;

export interface ScannedKey {
  key: Uint8Array;
  /** Absent on a keys-only read. */
  value?: Uint8Array;
}

export interface ScanAnswer {
  keys: ScannedKey[];
  more: boolean;
  count: number;
  revision: number;
  /** Bytes of keys and values received. */
  bytes: number;
}

/** A watched change, etcd's shape already translated. */
export interface WatchedChange {
  kind: "put" | "delete";
  key: Uint8Array;
  value: Uint8Array;
  revision: number;
  version: number;
  previous: Uint8Array | null;
}

export interface WatchHandlers {
  onChanges(changes: WatchedChange[], revision: number): void;
  /** The watch ended: a compaction passed it (with etcd's compact revision), or the stream broke. */
  onLost(reason: string, compactRevision: number | null): void;
}

function toChange(kv: IKeyValue, type: string, prev: IKeyValue | undefined): WatchedChange {
  return {
    kind: type === "Delete" ? "delete" : "put",
    key: new Uint8Array(kv.key),
    value: kv.value ?? new Uint8Array(),
    revision: Number(kv.mod_revision),
    version: Number(kv.version),
    previous: prev ? (prev.value ?? new Uint8Array()) : null,
  };
}

/**
 * The keyspace index's connection to one member: serializable range reads and one watch over
 * the whole keyspace. Both go to the same member, which keeps the scan and the watch in one
 * order of revisions. Nothing here writes: a Range and a Watch are all it sends. A learner
 * refuses every stream RPC (etcd's v3rpc interceptor), so the index never picks one.
 */
export class KeyspaceMember {
  readonly #client: Etcd3;
  #stopWatch: (() => void) | undefined;

  constructor(
    readonly endpoint: string,
    tls: TlsMaterial | undefined,
  ) {
    this.#client = createMemberClient(endpoint, tls, { maxReceiveBytes: MAX_RECEIVE_BYTES });
  }

  /** A serializable read of [start, end) (empty end: the keyspace's end) at the newest revision. */
  async scan(
    read: { start: Uint8Array; end: Uint8Array; limit: number; keysOnly: boolean },
    deadlineMs: number,
  ): Promise<ScanAnswer> {
    const res = await this.#client.kv.range(
      {
        key: read.start.length > 0 ? Buffer.from(read.start) : ALL,
        range_end: read.end.length > 0 ? Buffer.from(read.end) : ALL,
        limit: read.limit,
        keys_only: read.keysOnly,
        serializable: true,
      },
      deadline(deadlineMs),
    );
    let bytes = 0;
    const keys = res.kvs.map((kv) => {
      bytes += kv.key.length + (kv.value?.length ?? 0);
      return {
        key: new Uint8Array(kv.key),
        ...(read.keysOnly ? {} : { value: kv.value ?? new Uint8Array() }),
      };
    });
    return {
      keys,
      more: Boolean(res.more),
      count: Number(res.count),
      revision: Number(res.header.revision),
      bytes,
    };
  }

  /**
   * Watches every key from `startRevision` on, with previous values (for the sizes a change
   * replaces). Resolves once etcd created the watch, within `deadlineMs`.
   */
  async watch(startRevision: number, handlers: WatchHandlers, deadlineMs: number): Promise<void> {
    const stream = await this.#client.watchClient.watch();
    let lost = false;
    const lose = (reason: string, compactRevision: number | null) => {
      if (lost) return;
      lost = true;
      stream.cancel();
      handlers.onLost(reason, compactRevision);
    };
    this.#stopWatch = () => {
      lost = true;
      stream.cancel();
    };
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        lose(`the watch was not created within ${deadlineMs} ms`, null);
        reject(new Error(`etcd member ${this.endpoint} did not create the watch in time`));
      }, deadlineMs);
      stream.on("data", (res: IWatchResponse) => {
        if (res.created) {
          clearTimeout(timer);
          resolve();
        }
        const compact = Number(res.compact_revision ?? 0);
        if (res.canceled || compact > 0) {
          clearTimeout(timer);
          const why = compact > 0 ? `revision ${compact} compacted` : res.cancel_reason;
          lose(`the watch was cancelled: ${why || "no reason given"}`, compact || null);
          resolve();
          return;
        }
        if (res.events.length > 0 || res.header) {
          handlers.onChanges(
            res.events.map((e) => toChange(e.kv, e.type, e.prev_kv)),
            Number(res.header.revision),
          );
        }
      });
      stream.on("error", (err: Error) => {
        clearTimeout(timer);
        lose(`the watch stream failed: ${err.message}`, null);
        reject(err);
      });
      stream.on("end", () => lose("the watch stream ended", null));
      stream.write({
        create_request: {
          key: ALL,
          range_end: ALL,
          start_revision: startRevision,
          prev_kv: true,
          progress_notify: true,
        },
      });
    });
  }

  close(): void {
    this.#stopWatch?.();
    this.#client.close();
  }
}
