import "server-only";
import type { ClusterEvent, EventBody } from "../../events/cluster-event";
import type { EventState } from "../../events/detect-events";
import { type EventLog, EventLogWriteError } from "../event-log";
import { errorText } from "./tracked-member";

const RETRY_MS = 5_000;
/** Events kept in memory while the disk refuses them; the oldest go first past this. */
const MAX_UNSAVED = 10_000;

/**
 * Saves detected events to the cluster's event log without ever holding up the verdict: the
 * detector's state advances in memory at once, events the disk refuses stay queued and are
 * retried, and the problem is kept for the page ("events are not being saved: …") and logged
 * once per distinct error.
 */
export class EventRecorder {
  private unsaved: Array<{ body: EventBody; at: Date }> = [];
  private detectorState: EventState;
  private retryTimer: NodeJS.Timeout | undefined;
  private lastLogged: string | undefined;
  /** Why the last save failed; undefined once saving works again. */
  problem: string | undefined;

  constructor(
    readonly log: EventLog,
    private readonly clusterId: string,
    private readonly onSaved: (events: ClusterEvent[]) => void,
  ) {
    this.detectorState = log.state;
  }

  get state(): EventState {
    return this.detectorState;
  }

  /** Takes the detector's new state and its events; saves them now or as soon as it can. */
  record(bodies: EventBody[], state: EventState, at: Date): void {
    this.detectorState = state;
    for (const body of bodies) this.unsaved.push({ body, at });
    if (this.unsaved.length > MAX_UNSAVED)
      this.unsaved.splice(0, this.unsaved.length - MAX_UNSAVED);
    if (this.unsaved.length > 0 || this.problem === undefined) this.flush();
  }

  private flush(): void {
    try {
      while (this.unsaved.length > 0) {
        const first = this.unsaved[0];
        if (!first) break;
        // Events detected at one moment share its timestamp: write them together.
        const batch = this.unsaved.filter((u) => u.at === first.at);
        const written = this.log.append(
          batch.map((u) => u.body),
          this.detectorState,
          first.at,
        );
        this.unsaved.splice(0, batch.length);
        if (written.length > 0) this.onSaved(written);
      }
      this.clearProblem();
    } catch (err) {
      if (err instanceof EventLogWriteError && err.written.length > 0) {
        this.unsaved.splice(0, err.written.length);
        this.onSaved(err.written);
      }
      this.setProblem(errorText(err instanceof EventLogWriteError ? err.cause : err));
    }
  }

  private setProblem(message: string): void {
    this.problem = message;
    if (this.lastLogged !== message) {
      this.lastLogged = message;
      console.error(
        `raftscope: cluster ${this.clusterId}: events are not being saved (${this.unsaved.length} waiting): ${message}`,
      );
    }
    if (!this.retryTimer) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.flush();
      }, RETRY_MS);
      this.retryTimer.unref?.();
    }
  }

  private clearProblem(): void {
    if (this.problem !== undefined) {
      console.error(`raftscope: cluster ${this.clusterId}: events are being saved again`);
    }
    this.problem = undefined;
    this.lastLogged = undefined;
  }

  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.flush();
  }
}
