import { z } from "zod";
import { memberRoleSchema } from "../health/cluster-health";

/** The defragmentation advice contract: GET /api/clusters/{id}/defrag. */

/** What a member's backend defragmentation histogram says about its last defragmentation. */
export const lastDefragSchema = z.discriminatedUnion("kind", [
  /** The histogram is not exposed, or the member did not answer /metrics. */
  z.object({ kind: z.literal("unknown") }),
  /** None since the process started. */
  z.object({ kind: z.literal("none") }),
  /** Exactly one since the process started: its duration is the histogram's sum. */
  z.object({ kind: z.literal("exact"), seconds: z.number() }),
  /** Several: only their mean is known from a histogram. */
  z.object({ kind: z.literal("mean"), seconds: z.number(), count: z.number() }),
]);

export const defragMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  /** "defragmenting" while etcd_disk_defrag_inflight is 1: busy, not down. */
  state: z.enum(["up", "defragmenting", "down"]),
  dbSizeBytes: z.number().nullable(),
  dbSizeInUseBytes: z.number().nullable(),
  /** dbSize − dbSizeInUse: what a defragmentation would give back to the file system. */
  reclaimableBytes: z.number().nullable(),
  /** reclaimable / dbSize × 100. */
  fragmentationPercent: z.number().nullable(),
  lastDefrag: lastDefragSchema,
});

export const defragStepSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  /** Healthy voters while this member is paused by its defragmentation. */
  votersLeft: z.number(),
  voters: z.number(),
  /** votersLeft − quorum size: further failures the cluster takes meanwhile (negative: none). */
  canLoseMeanwhile: z.number(),
  /** e.g. "defragmenting etcd2 leaves 2 of 3 voters; can lose 0 more meanwhile". */
  summary: z.string(),
  /** The etcdctl command, certificate flags as placeholders. */
  command: z.string(),
});

export const defragWarningSchema = z.object({
  code: z.enum(["NO_MARGIN", "STOPS_WRITES", "ALREADY_DEFRAGMENTING", "MEMBER_DOWN"]),
  message: z.string(),
  memberId: z.string().optional(),
});

/** A reachable member left out of the plan: it has too little to give back. */
export const defragSkipSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  /** e.g. "m1 has 12.0 KiB to give back (0.1 % of its database): no step". */
  message: z.string(),
});

export const defragAdviceSchema = z.object({
  observedAt: z.string(),
  members: z.array(defragMemberSchema),
  totalReclaimableBytes: z.number(),
  /** One member at a time: learners, then followers, the leader last. */
  plan: z.array(defragStepSchema),
  /** Members not worth a step (see planDefrag); their pause would give nothing back. */
  skipped: z.array(defragSkipSchema),
  warnings: z.array(defragWarningSchema),
});

export type LastDefrag = z.infer<typeof lastDefragSchema>;
export type DefragMember = z.infer<typeof defragMemberSchema>;
export type DefragStep = z.infer<typeof defragStepSchema>;
export type DefragWarning = z.infer<typeof defragWarningSchema>;
export type DefragSkip = z.infer<typeof defragSkipSchema>;
export type DefragAdvice = z.infer<typeof defragAdviceSchema>;
