import "server-only";
import {
  closeSync,
  existsSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { EVENTS_PAGE_MAX } from "../api/query-schemas";
import type { ClusterEvent, EventBody } from "../events/cluster-event";
import { applyEvent, type EventState, initialEventState } from "../events/detect-events";
import { parseEventLines } from "../events/parse-event-lines";

/** Event logs and state files: read and written by the server's user only. */
export const FILE_MODE = 0o600;

export interface EventLogOptions {
  dir: string;
  clusterId: string;
  /** The live file is rotated once it passes this size; one rotated file is kept. */
  maxBytes?: number;
  /**
   * How many recent events stay in memory for the API; default its largest page
   * (EVENTS_PAGE_MAX). Memory holds up to twice this between trims, about 550 bytes an event.
   */
  keepInMemory?: number;
}

/** The disk refused an event line; `written` are the events saved before it. */
export class EventLogWriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly written: ClusterEvent[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "EventLogWriteError";
  }
}

/**
 * Append-only JSON-lines log of one cluster's events, with the detector's state beside it.
 * Each event is one write(2) of one whole line, so a crash tears at most the line being written;
 * a torn tail is cut off on open and skipped on load.
 */
export class EventLog {
  private readonly file: string;
  private readonly rotated: string;
  private readonly stateFile: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private fd: number;
  private size: number;
  private recentEvents: ClusterEvent[];
  /** The newest event of each type that memory no longer holds (or held when the log opened). */
  private readonly newestBeyondMemory = new Map<ClusterEvent["type"], ClusterEvent>();
  private lastSeq: number;
  private detectorState: EventState;
  readonly skippedLines: number;

  constructor(private readonly options: EventLogOptions) {
    // Events name members, endpoints and errors: the server's user alone reads them.
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    this.file = path.join(options.dir, "events.jsonl");
    this.rotated = path.join(options.dir, "events.1.jsonl");
    this.stateFile = path.join(options.dir, "detector-state.json");
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.keep = options.keepInMemory ?? EVENTS_PAGE_MAX;

    const older = this.readLog(this.rotated);
    const live = this.readLog(this.file);
    const events = [...older.events, ...live.events];
    this.skippedLines = older.skipped + live.skipped;
    this.recentEvents = events.slice(-this.keep);
    for (const e of events) this.newestBeyondMemory.set(e.type, e);
    this.lastSeq = events.at(-1)?.seq ?? 0;
    this.detectorState = this.loadState(events);

    this.fd = openSync(this.file, "a+", FILE_MODE);
    // A log created by an older version keeps its mode otherwise.
    fchmodSync(this.fd, FILE_MODE);
    this.size = fstatSync(this.fd).size;
    this.cutTornTail();
  }

  private readLog(file: string): { events: ClusterEvent[]; skipped: number } {
    if (!existsSync(file)) return { events: [], skipped: 0 };
    return parseEventLines(readFileSync(file, "utf8"));
  }

  /** The saved detector state, caught up with any events logged after it was saved. */
  private loadState(events: ClusterEvent[]): EventState {
    let saved: { seq: number; state: EventState } | undefined;
    try {
      saved = JSON.parse(readFileSync(this.stateFile, "utf8"));
    } catch {
      saved = undefined;
    }
    let state = saved?.state ?? initialEventState;
    const from = saved?.seq ?? 0;
    for (const e of events) if (e.seq > from) state = applyEvent(state, e);
    return state;
  }

  private cutTornTail(): void {
    if (this.size === 0) return;
    const content = readFileSync(this.file);
    if (content[content.length - 1] === 0x0a) return;
    const lastNewline = content.lastIndexOf(0x0a);
    ftruncateSync(this.fd, lastNewline + 1);
    this.size = lastNewline + 1;
  }

  /** The log's folder; files that belong with its events (leader-change forensics) live here. */
  get dir(): string {
    return this.options.dir;
  }

  get state(): EventState {
    return this.detectorState;
  }

  /** Newest first. */
  recent(limit: number): ClusterEvent[] {
    return this.recentEvents.slice(-limit).reverse();
  }

  /**
   * The newest event of any of `types`, however many events came after it: from memory, else
   * the newest trimmed from it or read when the log opened (both files: up to 2 x maxBytes).
   */
  newest(types: readonly ClusterEvent["type"][]): ClusterEvent | undefined {
    for (let i = this.recentEvents.length - 1; i >= 0; i--) {
      const e = this.recentEvents[i];
      if (e && types.includes(e.type)) return e;
    }
    let found: ClusterEvent | undefined;
    for (const type of types) {
      const e = this.newestBeyondMemory.get(type);
      if (e && (!found || e.seq > found.seq)) found = e;
    }
    return found;
  }

  /**
   * Events recorded at or after `atMs` (Unix ms), oldest first. Events are kept in the order
   * they were recorded, so this walks back from the newest and stops at the first older one:
   * its cost is the events in the window, not the up to 2 x `keepInMemory` held. Only what
   * memory holds is answered. After a wall-clock step back, events from before the step that
   * sort after it are not reached.
   */
  since(atMs: number): ClusterEvent[] {
    const events = this.recentEvents;
    let from = events.length;
    while (from > 0) {
      const e = events[from - 1];
      if (!e || Date.parse(e.at) < atMs) break;
      from--;
    }
    return events.slice(from);
  }

  /**
   * Records events and the state after them; returns the events with their sequence numbers.
   * When the disk refuses a line (ENOSPC, EACCES, EIO) it throws EventLogWriteError carrying
   * the events that were written before it, so the caller can keep the rest and retry.
   */
  append(bodies: EventBody[], state: EventState, at: Date = new Date()): ClusterEvent[] {
    const written: ClusterEvent[] = [];
    try {
      for (const body of bodies) {
        const event: ClusterEvent = {
          ...body,
          seq: this.lastSeq + 1,
          at: at.toISOString(),
          clusterId: this.options.clusterId,
        };
        const line = Buffer.from(`${JSON.stringify(event)}\n`, "utf8");
        writeSync(this.fd, line);
        this.size += line.length;
        this.lastSeq = event.seq;
        written.push(event);
      }
    } catch (err) {
      this.remember(written);
      throw new EventLogWriteError(err, written);
    }
    this.remember(written);
    this.detectorState = state;
    if (written.length > 0) {
      const tmp = `${this.stateFile}.tmp`;
      writeFileSync(tmp, JSON.stringify({ seq: this.lastSeq, state }), { mode: FILE_MODE });
      renameSync(tmp, this.stateFile);
      if (this.size > this.maxBytes) this.rotate();
    }
    return written;
  }

  private remember(written: ClusterEvent[]): void {
    this.recentEvents.push(...written);
    if (this.recentEvents.length > this.keep * 2) {
      const dropped = this.recentEvents.length - this.keep;
      for (const e of this.recentEvents.slice(0, dropped)) this.newestBeyondMemory.set(e.type, e);
      this.recentEvents = this.recentEvents.slice(dropped);
    }
  }

  private rotate(): void {
    closeSync(this.fd);
    renameSync(this.file, this.rotated);
    this.fd = openSync(this.file, "a+", FILE_MODE);
    this.size = 0;
  }

  /** Syncs the live file to disk and closes it; nothing may be appended afterwards. */
  close(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}
