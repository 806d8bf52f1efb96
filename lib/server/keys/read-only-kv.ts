import "server-only";
import type { Etcd3, IKeyValue, IRangeRequest } from "etcd3";
import type { EtcdUser } from "../../config/etcdctl-user";
import { createMemberClient, deadline } from "../etcd/member-client";
import type { TlsMaterial } from "../etcd/tls-material";

/** One key as the key browser sees it: etcd's decimal strings already numbers. */
export interface KvRecord {
  key: Uint8Array;
  /** Absent on keys-only reads. */
  value?: Uint8Array;
  createRevision: number;
  modRevision: number;
  version: number;
  /** etcd's lease id, decimal; "0" when the key has none. */
  lease: string;
}

export interface RangeQuery {
  start: Uint8Array;
  /** Exclusive end; empty means to the end of the keyspace; absent reads `start` alone. */
  end?: Uint8Array;
  limit: number;
  /** 0 reads the newest revision. */
  revision: number;
  keysOnly: boolean;
  /** Served from the member's own state: only for reads pinned to a revision it has applied. */
  serializable: boolean;
}

export interface RangeAnswer {
  records: KvRecord[];
  more: boolean;
  /** Keys in the whole range, which etcd 3.4 walks whatever the limit. */
  count: number;
  headerRevision: number;
}

// etcd answers an empty key with "key is not provided"; "\0" is the smallest key there can be.
const SMALLEST_KEY = Buffer.from([0]);

function toRecord(kv: IKeyValue): KvRecord {
  return {
    // A copy: the Buffer is a view into the whole gRPC message, which directory hints would keep.
    key: new Uint8Array(kv.key),
    ...(kv.value && kv.value.length > 0 ? { value: kv.value } : {}),
    createRevision: Number(kv.create_revision),
    modRevision: Number(kv.mod_revision),
    version: Number(kv.version),
    lease: kv.lease,
  };
}

/**
 * A member client that can only read: the etcd3 client is private to this class and the one
 * method reaching it issues a Range. Nothing in the key browser can put, delete, open a
 * transaction, grant a lease or compact, because nothing here exposes those calls.
 */
export class ReadOnlyKv {
  readonly #client: Etcd3;

  constructor(
    readonly endpoint: string,
    tls: TlsMaterial | undefined,
    maxReceiveBytes: number,
    auth?: { user: EtcdUser; deadlineMs: number },
  ) {
    this.#client = createMemberClient(endpoint, tls, {
      maxReceiveBytes,
      ...(auth ? { user: auth.user, authDeadlineMs: auth.deadlineMs } : {}),
    });
  }

  /** A Range with a deadline `deadlineMs` from now. */
  async range(query: RangeQuery, deadlineMs: number): Promise<RangeAnswer> {
    const start = query.start.length > 0 ? Buffer.from(query.start) : SMALLEST_KEY;
    const req: IRangeRequest = {
      key: start,
      limit: query.limit,
      revision: query.revision,
      keys_only: query.keysOnly,
      serializable: query.serializable,
    };
    if (query.end) req.range_end = query.end.length > 0 ? Buffer.from(query.end) : SMALLEST_KEY;
    const res = await this.#client.kv.range(req, deadline(deadlineMs));
    return {
      records: res.kvs.map(toRecord),
      more: Boolean(res.more),
      count: Number(res.count),
      headerRevision: Number(res.header.revision),
    };
  }

  close(): void {
    this.#client.close();
  }
}
