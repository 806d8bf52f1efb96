import { type ClusterEvent, eventTypes } from "./cluster-event";

function isEvent(value: unknown): value is ClusterEvent {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.seq === "number" &&
    typeof v.at === "string" &&
    typeof v.type === "string" &&
    (eventTypes as readonly string[]).includes(v.type)
  );
}

/**
 * Reads a JSON-lines event log. A line that is not a whole event (a torn write after a crash)
 * is skipped and counted, never fatal.
 */
export function parseEventLines(text: string): { events: ClusterEvent[]; skipped: number } {
  const events: ClusterEvent[] = [];
  let skipped = 0;
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (isEvent(parsed)) events.push(parsed);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { events, skipped };
}
