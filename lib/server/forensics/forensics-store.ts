import "server-only";
import { appendFileSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LeaderChangeForensics } from "../../forensics/leader-change-forensics";
import { parseForensicsLines } from "../../forensics/parse-forensics-lines";
import { FILE_MODE } from "../event-log";
import { log } from "../log";

/** Far above what `keep` explanations take (a few KB each): a larger file is not Raftscope's. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The evidence behind each `leader_changed` event, on disk beside the event log
 * (`<data dir>/clusters/<id>/forensics.jsonl`), so a restart keeps it. Each change of a case's
 * explanation is one appended line; once the file holds twice `keep` lines it is rewritten with
 * the newest `keep` explanations (temporary file, then rename), so it stays bounded. A disk that
 * refuses a line is logged and named in `problem`; the explanations stay in memory.
 */
export class ForensicsStore {
  private lines = 0;
  /** Why the last explanation could not be saved; undefined while they are. */
  problem: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly clusterId: string,
    private readonly keep: number,
  ) {}

  get file(): string {
    return path.join(this.dir, "forensics.jsonl");
  }

  /** The saved explanations, oldest first, the newest `keep`; none when there is no file. */
  load(): LeaderChangeForensics[] {
    try {
      const { size } = statSync(this.file);
      if (size > MAX_FILE_BYTES) throw new Error(`${size} bytes, above ${MAX_FILE_BYTES}`);
      const text = readFileSync(this.file, "utf8");
      const { explained, skipped } = parseForensicsLines(text);
      this.lines = explained.length + skipped;
      if (skipped > 0) {
        log.warn(`skipped ${skipped} unreadable forensics line(s)`, {
          cluster: this.clusterId,
          file: this.file,
        });
      }
      return explained.slice(-this.keep);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") this.fail("not restored", err);
      return [];
    }
  }

  /** Saves one explanation; `all` is every explanation kept, for the rewrite that bounds the file. */
  save(f: LeaderChangeForensics, all: () => readonly LeaderChangeForensics[]): void {
    try {
      if (this.lines + 1 > this.keep * 2) {
        const newest = [...all()].sort((a, b) => a.seq - b.seq).slice(-this.keep);
        const tmp = `${this.file}.tmp`;
        writeFileSync(tmp, newest.map((x) => `${JSON.stringify(x)}\n`).join(""), {
          mode: FILE_MODE,
        });
        renameSync(tmp, this.file);
        this.lines = newest.length;
        // `all` holds `f` already: the rewrite saved it.
      } else {
        appendFileSync(this.file, `${JSON.stringify(f)}\n`, { mode: FILE_MODE });
        this.lines++;
      }
      this.problem = undefined;
    } catch (err) {
      this.fail("not saved", err);
    }
  }

  private fail(what: string, err: unknown): void {
    this.problem = err instanceof Error ? err.message : String(err);
    log.warn(`leader-change forensics ${what}`, {
      cluster: this.clusterId,
      file: this.file,
      error: this.problem,
    });
  }
}
