import { type LeaderChangeForensics, leaderChangeForensicsSchema } from "./leader-change-forensics";

/**
 * Reads saved leader-change forensics, one JSON object a line, appended each time a case's
 * explanation changed: the last line of each event `seq` wins. A line that is not whole (a torn
 * write after a crash) or does not match the schema is skipped and counted, never fatal.
 * Returns the explanations by seq, oldest first.
 */
export function parseForensicsLines(text: string): {
  explained: LeaderChangeForensics[];
  skipped: number;
} {
  const bySeq = new Map<number, LeaderChangeForensics>();
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = leaderChangeForensicsSchema.safeParse(JSON.parse(line));
      if (parsed.success) bySeq.set(parsed.data.seq, parsed.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { explained: [...bySeq.values()].sort((a, b) => a.seq - b.seq), skipped };
}
