import "server-only";
import type { ClusterEvent } from "../../events/cluster-event";
import { explainLeaderChange } from "../../forensics/explain-leader-change";
import { type ForensicSample, toForensicSample } from "../../forensics/forensic-sample";
import type { LeaderChangeForensics } from "../../forensics/leader-change-forensics";
import type { ClusterPoller } from "../cluster-poller";
import type { ForensicsStore } from "./forensics-store";

/** How far back the evidence reaches, and how long after a change a restart is looked for. */
const BEFORE_MS = 60_000;
const AFTER_MS = 60_000;
export const FORENSICS_KEPT = 200;

interface OpenCase {
  seq: number;
  fromId: string | null;
  at: number;
  before: ForensicSample[];
}

/**
 * Leader-change forensics for one cluster. The seam: it subscribes to the poller's public
 * messages and never touches the detector. Each verdict adds a sample of the metrics the
 * forensics read (from `poller.snapshot()`); each `leader_changed` event opens a case with the
 * samples of the minute before it, re-explained with every sample of the minute after (a
 * restart shows only once the old leader is back), keyed by the event's `seq`. With a store,
 * every changed explanation is saved and the saved ones are read back at start: a case still
 * open when Raftscope stopped comes back settled, as nothing reads its samples any more.
 */
export class ForensicsRecorder {
  private samples: ForensicSample[] = [];
  private readonly open: OpenCase[] = [];
  private readonly explained = new Map<number, LeaderChangeForensics>();
  private readonly off: () => void;

  constructor(
    poller: Pick<ClusterPoller, "subscribe" | "snapshot">,
    private readonly store?: ForensicsStore,
  ) {
    for (const f of store?.load() ?? []) this.explained.set(f.seq, { ...f, settled: true });
    this.off = poller.subscribe((msg) => {
      if (msg.kind === "event") this.onEvent(msg.event);
      else this.onSample(toForensicSample(poller.snapshot(), msg.health.leader?.id ?? null));
    });
  }

  /** Explanations by event seq, newest first. */
  all(): LeaderChangeForensics[] {
    return [...this.explained.values()].sort((a, b) => b.seq - a.seq);
  }

  get(seq: number): LeaderChangeForensics | undefined {
    return this.explained.get(seq);
  }

  close(): void {
    this.off();
  }

  private onEvent(event: ClusterEvent): void {
    if (event.type !== "leader_changed") return;
    const at = Date.parse(event.at);
    const c: OpenCase = {
      seq: event.seq,
      fromId: event.from?.id ?? null,
      at,
      before: this.samples.filter((s) => s.t >= at - BEFORE_MS && s.t < at),
    };
    this.open.push(c);
    this.explain(c, [], false);
  }

  private onSample(sample: ForensicSample): void {
    this.samples.push(sample);
    this.samples = this.samples.filter((s) => s.t >= sample.t - BEFORE_MS);
    for (const c of [...this.open]) {
      const settled = sample.t >= c.at + AFTER_MS;
      this.explain(
        c,
        this.samples.filter((s) => s.t >= c.at && s.t <= c.at + AFTER_MS),
        settled,
      );
      if (settled) this.open.splice(this.open.indexOf(c), 1);
    }
  }

  private explain(c: OpenCase, after: ForensicSample[], settled: boolean): void {
    const { likely, evidence } = explainLeaderChange(
      { fromId: c.fromId, at: c.at },
      c.before,
      after,
    );
    const next: LeaderChangeForensics = { seq: c.seq, likely, evidence, settled };
    const previous = this.explained.get(c.seq);
    if (previous && JSON.stringify(previous) === JSON.stringify(next)) return;
    this.explained.set(c.seq, next);
    if (this.explained.size > FORENSICS_KEPT) {
      const oldest = Math.min(...this.explained.keys());
      this.explained.delete(oldest);
    }
    this.store?.save(next, () => [...this.explained.values()]);
  }
}
