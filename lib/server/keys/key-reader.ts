import "server-only";
import type { ClusterConfig } from "../../config/config-schema";
import type { EtcdUser } from "../../config/etcdctl-user";
import { RaftscopeError } from "../../errors";
import { DirectoryHintCache } from "../../keys/directory-hints";
import { TlsMaterialSource } from "../tls/tls-material-source";
import { probeCompactRevision } from "./compaction-probe";
import { readError } from "./read-error";
import { type RangeAnswer, type RangeQuery, ReadOnlyKv } from "./read-only-kv";
import { ReadSemaphore } from "./read-semaphore";

/** Values up to this size are read whole (for the raw download); larger ones are refused. */
export const VALUE_READ_CAP = 10 * 1024 * 1024;
// gRPC's limit is raised only as far as one capped value and its envelope need.
const MAX_RECEIVE_BYTES = VALUE_READ_CAP + 64 * 1024;
/** A member that failed a read is passed over for this long. */
const FAILED_ENDPOINT_MS = 5_000;
/** A replaced client is closed once reads that started on it are surely done. */
const CLOSE_GRACE_MS = 30_000;

export interface KeyReaderOptions {
  cluster: Pick<ClusterConfig, "id" | "endpoints" | "tls" | "deadlineMs">;
  /** Client URLs of reachable members, preferred first; the configured endpoints follow. */
  reachableEndpoints?: () => string[];
  /**
   * True while the poller sees no leader or no quorum. Linearizable reads need both, so they
   * would only wait out their deadline: reads are then served from a member's local copy.
   */
  quorumUnavailable?: () => boolean;
  /**
   * Why Raftscope cannot reach the cluster on its own account (its certificate refused, its key
   * unusable), as the poller found; reads then answer 503 with this reason at once.
   */
  blindReason?: () => string | undefined;
  /** The cluster's certificate files, shared with its poller; read from `cluster.tls` if absent. */
  tlsSource?: TlsMaterialSource;
  /** etcd's own authentication, when the cluster has it enabled. */
  user?: EtcdUser;
  maxConcurrent?: number;
  maxQueued?: number;
}

/**
 * The key browser's access to one cluster: one read-only member client, reused, on a reachable
 * member; every read with the cluster's deadline and behind a small semaphore, so a burst of
 * viewers queues instead of multiplying the load on etcd.
 */
export class KeyReader {
  readonly hints = new DirectoryHintCache();
  readonly deadlineMs: number;
  private readonly tls: TlsMaterialSource | undefined;
  private readonly semaphore: ReadSemaphore;
  private current: ReadOnlyKv | undefined;
  private currentTlsVersion: number | undefined;
  private readonly failedAt = new Map<string, number>();
  private closed = false;

  constructor(private readonly opts: KeyReaderOptions) {
    this.tls =
      opts.tlsSource ?? (opts.cluster.tls ? new TlsMaterialSource(opts.cluster.tls) : undefined);
    this.deadlineMs = opts.cluster.deadlineMs;
    this.semaphore = new ReadSemaphore(opts.maxConcurrent ?? 4, opts.maxQueued ?? 200);
  }

  get clusterId(): string {
    return this.opts.cluster.id;
  }

  private candidates(): string[] {
    const now = Date.now();
    const all = [...(this.opts.reachableEndpoints?.() ?? []), ...this.opts.cluster.endpoints];
    const unique = [...new Set(all)];
    const healthy = unique.filter((e) => now - (this.failedAt.get(e) ?? 0) > FAILED_ENDPOINT_MS);
    return healthy.length > 0 ? healthy : unique;
  }

  private client(): ReadOnlyKv {
    if (this.closed) throw new Error("KeyReader is closed");
    const candidates = this.candidates();
    const current = this.current;
    // Rotated certificate files mean a new client: grpc-js keeps a channel's credentials.
    const material = this.tls?.current();
    const tlsVersion = this.tls?.version;
    if (current && candidates.includes(current.endpoint) && tlsVersion === this.currentTlsVersion) {
      return current;
    }
    const endpoint = candidates[0] ?? this.opts.cluster.endpoints[0];
    if (!endpoint) throw new Error(`cluster ${this.clusterId} has no endpoint`);
    if (current) setTimeout(() => current.close(), CLOSE_GRACE_MS).unref();
    const user = this.opts.user;
    this.current = new ReadOnlyKv(
      endpoint,
      material,
      MAX_RECEIVE_BYTES,
      user ? { user, deadlineMs: this.deadlineMs } : undefined,
    );
    this.currentTlsVersion = tlsVersion;
    return this.current;
  }

  /**
   * One Range, queued behind the cluster's semaphore, with the cluster's deadline. A read that
   * fails for want of a member or a leader is retried once, serializable, on another member:
   * during an election or a quorum loss, a member's own copy is what there is.
   */
  /**
   * Throws ETCD_UNAVAILABLE (503) with the poller's reason while Raftscope's own credentials
   * keep it from the cluster: nothing it holds about the keys is current then.
   */
  assertCanSee(): void {
    const blind = this.opts.blindReason?.();
    if (blind) throw new RaftscopeError("ETCD_UNAVAILABLE", blind);
  }

  range(query: RangeQuery): Promise<RangeAnswer> {
    const blind = this.opts.blindReason?.();
    if (blind) return Promise.reject(new RaftscopeError("ETCD_UNAVAILABLE", blind));
    const first =
      !query.serializable && this.opts.quorumUnavailable?.()
        ? { ...query, serializable: true }
        : query;
    return this.semaphore.run(async () => {
      try {
        return await this.rangeOnce(first);
      } catch (err) {
        if (!(err instanceof RaftscopeError) || err.code !== "ETCD_UNAVAILABLE") throw err;
        // The failed member is now passed over, so the retry goes to another one.
        return this.rangeOnce({ ...first, serializable: true });
      }
    });
  }

  private async rangeOnce(query: RangeQuery): Promise<RangeAnswer> {
    const unusable = this.tls?.unusable;
    if (unusable) {
      throw new RaftscopeError(
        "TLS_UNUSABLE",
        `Raftscope's client credentials for cluster ${this.clusterId} cannot be used: ${unusable.message}`,
      );
    }
    let kv: ReadOnlyKv;
    try {
      kv = this.client();
    } catch (err) {
      throw new RaftscopeError(
        "TLS_UNUSABLE",
        `Raftscope cannot open a client for cluster ${this.clusterId}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    try {
      return await kv.range(query, this.deadlineMs);
    } catch (err) {
      const translated = readError(err, {
        endpoint: kv.endpoint,
        ...(this.opts.user ? { username: this.opts.user.username } : {}),
        deadlineMs: this.deadlineMs,
        revision: query.revision,
      });
      if (translated.code === "ETCD_UNAVAILABLE") this.failedAt.set(kv.endpoint, Date.now());
      if (translated.code === "REVISION_COMPACTED") throw await this.compacted(kv, query.revision);
      throw translated;
    }
  }

  /** The compaction error with the oldest revision etcd still holds, when the member says. */
  private async compacted(kv: ReadOnlyKv, revision: number): Promise<RaftscopeError> {
    const oldest = await probeCompactRevision(
      kv.endpoint,
      this.tls?.current(),
      revision,
      this.deadlineMs,
    );
    const message = `Revision ${revision} has been compacted: etcd keeps history only from its last compaction on.`;
    if (oldest === null) {
      return new RaftscopeError(
        "REVISION_COMPACTED",
        `${message} Pick a later revision, or read the current one.`,
      );
    }
    return new RaftscopeError(
      "REVISION_COMPACTED",
      `${message} The oldest revision it still holds is ${oldest}.`,
      { details: { oldestRevision: oldest } },
    );
  }

  close(): void {
    this.closed = true;
    this.current?.close();
    this.current = undefined;
  }
}
