import { type ClusterEvent, clusterEventSchema } from "./cluster-event";

/**
 * Reads a JSON-lines event log. A line that is not a whole event (a torn write after a crash,
 * or a line that does not match the event schema) is skipped and counted, never fatal.
 */
export function parseEventLines(text: string): { events: ClusterEvent[]; skipped: number } {
  const events: ClusterEvent[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = clusterEventSchema.safeParse(JSON.parse(line));
      if (parsed.success) events.push(parsed.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { events, skipped };
}
