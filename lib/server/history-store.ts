import "server-only";
import { readFileSync, statSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { fromColumns, type HistoryColumns, historyColumnsSchema } from "../history/history-columns";
import type { HistoryPoint } from "../history/history-point";
import type { HistoryRing } from "../history/history-ring";
import { log } from "./log";

/** The file: what the API answers, in columns, with when it was written. */
const savedHistorySchema = z.object({
  version: z.literal(1),
  clusterId: z.string(),
  savedAt: z.number(),
  columns: historyColumnsSchema,
});

/**
 * An hour of 5 members at 1 s is about 3 MB in columns; a file many times that was not written
 * by Raftscope, and reading it must not cost unbounded work.
 */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A cluster's chart history on disk (`<data dir>/clusters/<id>/history.json`), so a restart
 * keeps the last hour. One file per cluster, rewritten whole (write to a temporary file, then
 * rename, so a crash leaves the old file or the new one): never larger than the in-memory ring
 * buffer, one hour at one point a second.
 */
export class HistoryStore {
  private saving: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    private readonly clusterId: string,
  ) {}

  get file(): string {
    return path.join(this.dir, "history.json");
  }

  /**
   * Points saved no earlier than `since` (Unix ms), oldest first; none when there is no file.
   * A file that is too large, not JSON or not history is skipped with a logged reason. Read
   * synchronously, at start-up, before the poller adds newer points.
   */
  load(since: number): HistoryPoint[] {
    try {
      const { size } = statSync(this.file);
      if (size > MAX_FILE_BYTES) {
        throw new Error(`${size} bytes, more than the ${MAX_FILE_BYTES} an hour can take`);
      }
      const parsed = savedHistorySchema.safeParse(JSON.parse(readFileSync(this.file, "utf8")));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`not saved history: ${issue?.path.join(".")}: ${issue?.message}`);
      }
      return fromColumns(parsed.data.columns).filter((p) => p.t >= since);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      log.warn("chart history not restored", {
        cluster: this.clusterId,
        file: this.file,
        error: err instanceof Error ? err.message : String(err),
      });
      return [];
    }
  }

  /**
   * Writes the history (in columns, see historyColumnsSchema), replacing the file; one write at
   * a time, a failure is logged.
   */
  save(columns: HistoryColumns): Promise<void> {
    const previous = this.saving ?? Promise.resolve();
    const next = previous.then(() => this.write(columns));
    this.saving = next;
    return next;
  }

  private async write(columns: HistoryColumns): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${this.file}.tmp`;
      const body = JSON.stringify({
        version: 1,
        clusterId: this.clusterId,
        savedAt: Date.now(),
        columns,
      });
      await writeFile(tmp, body);
      await rename(tmp, this.file);
    } catch (err) {
      log.warn("chart history not saved", {
        cluster: this.clusterId,
        file: this.file,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }
}

/**
 * How often each cluster's history is written while the server runs (a clean stop writes it
 * too, so only a crash loses up to this much). Every 5 minutes, not every minute: a save writes
 * the whole hour, and at 200 clusters once a minute cost 8 % of a core (docs/benchmarks.md).
 */
export const HISTORY_SAVE_INTERVAL_MS = 5 * 60_000;

/** Fills an empty buffer with the points saved in the last `spanMs`, before its poller starts. */
export function restoreHistory(store: HistoryStore, buffer: HistoryRing, spanMs: number): void {
  for (const p of store.load(Date.now() - spanMs)) buffer.push(p);
}

/**
 * Saves each buffer once per interval (ms), one cluster at a time and spread evenly over the
 * interval: an hour of history costs about 20 ms to put in columns and serialise, so 200
 * clusters saved together would hold the event loop for seconds and make Raftscope miss its
 * own deadlines. Returns a function that stops the timer and saves every buffer once more (the
 * drain at shutdown).
 */
export function keepHistory(
  histories: readonly { store: HistoryStore; buffer: HistoryRing }[],
  intervalMs = HISTORY_SAVE_INTERVAL_MS,
): () => Promise<void> {
  let next = 0;
  const timer = setInterval(() => {
    const h = histories[next++ % histories.length];
    if (h) void h.store.save(h.buffer.columns());
  }, intervalMs / Math.max(1, histories.length));
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    // One after another: a file's text is held until it is written.
    for (const { store, buffer } of histories) await store.save(buffer.columns());
  };
}
