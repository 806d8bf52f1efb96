import "server-only";
import { readFileSync, renameSync, writeFileSync } from "node:fs";

/**
 * The client URLs of the members last discovered, kept beside the event log. A restarted
 * dashboard whose configured endpoints are down can still find the cluster through them.
 */
export class KnownEndpoints {
  private saved: string[];

  constructor(private readonly file: string) {
    this.saved = KnownEndpoints.read(file);
  }

  private static read(file: string): string[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
      return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === "string") : [];
    } catch {
      return [];
    }
  }

  get endpoints(): string[] {
    return this.saved;
  }

  /** Records the current member list's client URLs when they changed. */
  save(endpoints: string[]): void {
    const next = [...new Set(endpoints)].sort();
    if (next.join("\n") === this.saved.join("\n")) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(next), { mode: 0o600 });
    renameSync(tmp, this.file);
    this.saved = next;
  }
}
