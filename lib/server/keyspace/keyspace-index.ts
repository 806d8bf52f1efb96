import "server-only";
import type { KeyspaceState } from "../../keyspace/keyspace-api";
import type { KeyspaceTree } from "../../keyspace/keyspace-tree";
import type { TlsMaterial } from "../etcd/tls-material";
import { abortableSleep } from "./abortable-sleep";
import { KeyspaceBuild, type ScanPass } from "./keyspace-build";
import { KeyspaceMember } from "./keyspace-member";
import { runScan } from "./run-scan";
import type { ValueRedaction } from "./value-redaction";

/**
 * Beyond this many directories the index switches itself off: its memory grows with
 * directories (about 1 KiB each with its largest-keys list), and a keyspace with this many is
 * not a directory tree people browse.
 */
export const MAX_DIRECTORIES = 500_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** How often the member the index reads from is checked against the poller's view. */
const MEMBER_CHECK_MS = 2_000;
/** An endpoint the index lost is passed over for this long when another one is there. */
const FAILED_ENDPOINT_MS = 30_000;

export interface KeyspaceIndexOptions {
  clusterId: string;
  enabled: boolean;
  /** The scan's budget in bytes a second. */
  bytesPerSecond: number;
  deadlineMs: number;
  /** Reachable voters, followers first (never learners: they refuse the watch). */
  endpoints: () => string[];
  tls: () => TlsMaterial | undefined;
  redaction: ValueRedaction;
  log?: (message: string) => void;
}

export interface KeyspaceStatus {
  state: KeyspaceState;
  reason: string | null;
  phase: ScanPass | null;
  revision: number | null;
  progress: number;
  endpoint: string | null;
}

class LostError extends Error {}

/**
 * The live keyspace index of one cluster: a paged, paced scan from one member (keys, then
 * value sizes), a watch from the first page's revision keeping it current, and a clean restart
 * from scratch when the watch is lost (member gone, stream broken, or a compaction passed it).
 * Reads only; every read has the cluster's deadline.
 */
export class KeyspaceIndex {
  private build: KeyspaceBuild | undefined;
  private ready = false;
  private phase: ScanPass | null = null;
  private progress = 0;
  private endpoint: string | null = null;
  private reason: string | null = null;
  private off: string | null = null;
  private readonly stop = new AbortController();
  private readonly failedAt = new Map<string, number>();
  /** Restarts after a lost watch or a failed scan; for tests and the status line. */
  restarts = 0;

  constructor(private readonly opts: KeyspaceIndexOptions) {
    if (!opts.enabled) this.off = "The keyspace index is switched off for this cluster";
  }

  start(): void {
    if (this.off) return;
    void this.run();
  }

  close(): void {
    this.stop.abort();
  }

  status(): KeyspaceStatus {
    if (this.off) {
      return {
        state: "off",
        reason: this.off,
        phase: null,
        revision: null,
        progress: 0,
        endpoint: null,
      };
    }
    return {
      state: this.ready ? "ready" : "building",
      reason: this.reason,
      phase: this.ready ? null : this.phase,
      revision: this.build && this.build.revision > 0 ? this.build.revision : null,
      progress: this.ready ? 1 : this.progress,
      endpoint: this.endpoint,
    };
  }

  /** The tree being built or followed; complete only when status().state is "ready". */
  get tree(): KeyspaceTree | undefined {
    return this.build?.tree;
  }

  get isReady(): boolean {
    return this.ready && !this.off;
  }

  private pickEndpoint(): string | undefined {
    const now = Date.now();
    const all = this.opts.endpoints();
    return all.find((e) => now - (this.failedAt.get(e) ?? 0) > FAILED_ENDPOINT_MS) ?? all[0];
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stop.signal.aborted && !this.off) {
      const endpoint = this.pickEndpoint();
      try {
        if (!endpoint) throw new Error("no reachable voting member to read from");
        await this.follow(endpoint);
      } catch (err) {
        if (this.stop.signal.aborted) return;
        const message = err instanceof Error ? err.message : String(err);
        this.reason = `Restarting: ${message}`;
        this.opts.log?.(`keyspace index of ${this.opts.clusterId}: ${message}; restarting`);
        if (endpoint) this.failedAt.set(endpoint, Date.now());
        this.restarts++;
        failures = this.ready ? 0 : failures + 1;
        this.ready = false;
      }
      const wait = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, failures - 1));
      await abortableSleep(wait, this.stop.signal);
    }
  }

  /** Scans from `endpoint` and follows its watch until it is lost; always throws in the end. */
  private async follow(endpoint: string): Promise<never> {
    const member = new KeyspaceMember(endpoint, this.opts.tls());
    const build = new KeyspaceBuild(this.opts.redaction);
    const abort = new AbortController();
    let loseWatch: (err: Error) => void = () => {};
    const lost = new Promise<never>((_, reject) => {
      loseWatch = (err) => {
        abort.abort();
        reject(err);
      };
    });
    lost.catch(() => undefined);
    const onStop = () => loseWatch(new LostError("stopped"));
    this.stop.signal.addEventListener("abort", onStop);
    const check = setInterval(() => {
      const voters = this.opts.endpoints();
      if (voters.length > 0 && !voters.includes(endpoint)) {
        loseWatch(new LostError(`member ${endpoint} is no longer a reachable voter`));
      }
      if (build.tree.directoryCount > MAX_DIRECTORIES) {
        this.off = `The keyspace has more than ${MAX_DIRECTORIES} directories; the index switched itself off to bound its memory`;
        loseWatch(new LostError(this.off));
      }
    }, MEMBER_CHECK_MS);
    this.build = build;
    this.endpoint = endpoint;
    this.ready = false;
    this.progress = 0;
    try {
      const ctx = {
        member,
        build,
        deadlineMs: this.opts.deadlineMs,
        bytesPerSecond: this.opts.bytesPerSecond,
        signal: abort.signal,
        onProgress: (pass: ScanPass, progress: number) => {
          this.phase = pass;
          this.progress = progress;
        },
      };
      const scan = async () => {
        await runScan("keys", {
          ...ctx,
          onFirstPage: (revision) =>
            member.watch(
              revision + 1,
              {
                onChanges: (changes, rev) => build.watched(changes, rev),
                onLost: (reason) => loseWatch(new LostError(reason)),
              },
              this.opts.deadlineMs,
            ),
        });
        await runScan("values", ctx);
      };
      await Promise.race([scan(), lost]);
      this.ready = true;
      this.reason = null;
      return await lost;
    } finally {
      clearInterval(check);
      this.stop.signal.removeEventListener("abort", onStop);
      abort.abort();
      member.close();
    }
  }
}
