/** One bounded, keys-only range read: [start, end) at `revision`, at most `limit` keys. */
export interface RangeRead {
  start: Uint8Array;
  /** Exclusive; empty means "to the end of the keyspace". */
  end: Uint8Array;
  limit: number;
  /** 0 reads the newest revision. */
  revision: number;
}

export interface RangeReadResult {
  keys: Uint8Array[];
  /** More keys remain in the range past the last one returned. */
  more: boolean;
  /** Keys in the whole range: what etcd 3.4 walked to answer, whatever the limit. */
  count: number;
  /** The store's current revision when the read was served (etcd's header revision). */
  headerRevision: number;
}

/** The only access to etcd the listing needs; the server passes a deadline-bound range read. */
export type KeyRangeReader = (read: RangeRead) => Promise<RangeReadResult>;
