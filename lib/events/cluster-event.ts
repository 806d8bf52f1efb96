import { z } from "zod";

/**
 * What happened to a cluster, as recorded in the event log and pushed to viewers. One schema,
 * checked where events are read back from disk, answered by the API and received on the stream.
 */

export const memberRefSchema = z.object({ id: z.string(), name: z.string() });
export type MemberRef = z.infer<typeof memberRefSchema>;

const quorumCounts = { healthyVoters: z.number(), size: z.number() };

export const eventBodySchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("leader_changed"),
    from: memberRefSchema.nullable(),
    to: memberRefSchema,
    term: z.number().nullable(),
  }),
  z.object({
    type: z.literal("term_changed"),
    leader: memberRefSchema,
    fromTerm: z.number().nullable(),
    toTerm: z.number().nullable(),
  }),
  z.object({ type: z.literal("member_unreachable"), member: memberRefSchema, error: z.string() }),
  z.object({ type: z.literal("member_recovered"), member: memberRefSchema }),
  z.object({ type: z.literal("quorum_lost"), ...quorumCounts }),
  z.object({ type: z.literal("quorum_regained"), ...quorumCounts }),
  z.object({ type: z.literal("alarm_raised"), member: memberRefSchema, alarm: z.string() }),
  z.object({ type: z.literal("alarm_cleared"), member: memberRefSchema, alarm: z.string() }),
  z.object({ type: z.literal("member_added"), member: memberRefSchema, isLearner: z.boolean() }),
  z.object({ type: z.literal("member_removed"), member: memberRefSchema }),
  /** A learner became a voter (`etcdctl member promote`). */
  z.object({ type: z.literal("member_promoted"), member: memberRefSchema }),
  /** A voter that answers but has followed no leader the majority follows, past the grace. */
  z.object({
    type: z.literal("member_isolated"),
    member: memberRefSchema,
    term: z.number().nullable(),
  }),
  z.object({ type: z.literal("member_rejoined"), member: memberRefSchema }),
  /**
   * Raftscope's own kind: it could not see the cluster (its stall, credentials or network).
   * Nothing is recorded about the cluster until `raftscope_sight_restored`.
   */
  z.object({ type: z.literal("raftscope_blind"), reason: z.string() }),
  z.object({ type: z.literal("raftscope_sight_restored"), blindForMs: z.number() }),
  z.object({
    type: z.literal("consistency_mismatch"),
    /** The pinned revision every member hashed. */
    revision: z.number(),
    /** When the check that found it began; absent in events logged before it was recorded. */
    checkedAt: z.string().optional(),
    members: z.array(
      memberRefSchema.extend({
        hash: z.number().nullable(),
        compactRevision: z.number().nullable(),
      }),
    ),
  }),
  /** A consistency check agreed after a mismatch: every voter's copy hashes the same again. */
  z.object({ type: z.literal("consistency_agreed"), revision: z.number() }),
  /**
   * The config entry now reaches a different etcd cluster (another cluster ID, hex): a cluster
   * built anew or restored from a snapshot (`etcdutl snapshot restore` makes a new ID) behind the
   * same endpoints. Members, leader and term are followed afresh from it, with no event for
   * what merely belonged to the other cluster.
   */
  z.object({
    type: z.literal("etcd_cluster_changed"),
    fromEtcdClusterId: z.string(),
    toEtcdClusterId: z.string(),
  }),
]);

export type EventBody = z.infer<typeof eventBodySchema>;
export type EventType = EventBody["type"];

/** A recorded event: its body plus sequence number, time and Raftscope's cluster id. */
export const clusterEventSchema = z.intersection(
  eventBodySchema,
  z.object({
    /** Per-cluster sequence number: consecutive, never reused, survives restarts. */
    seq: z.number().int().positive(),
    at: z.string(),
    clusterId: z.string(),
  }),
);

export type ClusterEvent = z.infer<typeof clusterEventSchema>;

export const eventTypes: readonly EventType[] = eventBodySchema.options.map(
  (o) => o.shape.type.value,
);
