import { z } from "zod";

/** The consistency-check contract: GET and POST /api/clusters/{id}/consistency. */

export const memberHashSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** HashKV's CRC-32C of the key bucket up to the pinned revision, as etcdctl prints it. */
  hash: z.number().nullable(),
  /** The member's compact revision when its hash began. */
  compactRevision: z.number().nullable(),
  /** etcd 3.6's hash_revision; null where etcd or Raftscope's client does not send it. */
  hashRevision: z.number().nullable(),
  durationMs: z.number().nullable(),
  /** Why this member has no hash: unreachable, a learner, a failed call. */
  error: z.string().nullable(),
});

export const consistencyOutcomeSchema = z.enum([
  /** Every hash agrees. */
  "consistent",
  /** Two members disagree at the same revision and compact revision, twice over. */
  "inconsistent",
  /** Hashes were taken but could not be compared (too few answers, compactions, an election). */
  "inconclusive",
  /** Not run: during an election, above the size guard, no leader. */
  "skipped",
]);

export const consistencyReportSchema = z.object({
  checkedAt: z.string().nullable(),
  /** The pinned revision every member hashed; null when none was pinned. */
  revision: z.number().nullable(),
  members: z.array(memberHashSchema),
  /** null when not decided (skipped, inconclusive, never run). */
  consistent: z.boolean().nullable(),
  outcome: consistencyOutcomeSchema.or(z.literal("never")),
  /** Why the outcome is not "consistent", in a sentence. */
  reason: z.string().nullable(),
  trigger: z.enum(["periodic", "on-demand"]).nullable(),
  /** Rounds taken: a compaction or an election between hashes starts a new round. */
  attempts: z.number(),
  running: z.boolean(),
  /** When the periodic check runs next; null when periodic checks are off. */
  nextCheckAt: z.string().nullable(),
});

export type MemberHash = z.infer<typeof memberHashSchema>;
export type ConsistencyOutcome = z.infer<typeof consistencyOutcomeSchema>;
export type ConsistencyReport = z.infer<typeof consistencyReportSchema>;
