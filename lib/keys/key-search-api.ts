import { z } from "zod";

/** One line of the search stream (NDJSON): a match, progress, or the end with why it ended. */
export const searchLineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("match"), key: z.string(), keyBase64: z.string() }),
  z.object({
    type: z.literal("progress"),
    /** Keys read so far. */
    scanned: z.number(),
    /** Keys under the prefix when the search began. */
    total: z.number(),
    revision: z.number(),
  }),
  z.object({
    type: z.literal("done"),
    scanned: z.number(),
    matches: z.number(),
    revision: z.number(),
    /** complete: every key was read; matches: the match cap was reached; scanned: the scan cap. */
    stoppedBy: z.enum(["complete", "matches", "scanned"]),
  }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
]);

export type SearchLine = z.infer<typeof searchLineSchema>;
