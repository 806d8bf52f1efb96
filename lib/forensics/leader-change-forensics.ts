import { z } from "zod";

/** Why a leader changed, as far as the metrics show: GET /api/clusters/{id}/forensics. */

export const evidenceCauseSchema = z.enum([
  "transfer",
  "restarted",
  "stopped_answering",
  "heartbeat_failures",
  "defrag_or_snapshot",
  "slow_disk",
  "slow_peers",
  "slow_applies",
  "near_quota",
]);

export const evidenceSchema = z.object({
  cause: evidenceCauseSchema,
  memberId: z.string(),
  /** One sentence with its numbers, e.g. "it stopped answering 1.2 s before the election". */
  summary: z.string(),
  numbers: z.record(z.string(), z.number()),
});

export const leaderChangeForensicsSchema = z.object({
  seq: z.number(),
  /** "likely: …", or "no cause visible in the metrics". */
  likely: z.string(),
  /** Ranked, most likely first; empty when nothing stood out. */
  evidence: z.array(evidenceSchema),
  /** Whether samples after the change are still being read (a restart shows only then). */
  settled: z.boolean(),
});

export type EvidenceCause = z.infer<typeof evidenceCauseSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type LeaderChangeForensics = z.infer<typeof leaderChangeForensicsSchema>;
