import { z } from "zod";

/** The index's state: `building` while its first scan runs, `ready` once it follows a watch. */
export const keyspaceStateSchema = z.enum(["building", "ready", "off"]);

const sizedKeySchema = z.object({
  key: z.string(),
  keyBase64: z.string(),
  /** Value bytes. */
  bytes: z.number(),
});

export const keyspaceChildSchema = z.object({
  /** The part after the prefix, ending with "/". */
  name: z.string(),
  key: z.string(),
  keyBase64: z.string(),
  keys: z.number(),
  /** Key bytes plus value bytes, redacted values left out. */
  bytes: z.number(),
  writesPerSecond: z.number(),
  /** Puts that created a key; less deletes, the directory's growth in keys a second. */
  createsPerSecond: z.number(),
  deletesPerSecond: z.number(),
});

/** `GET /api/clusters/{id}/keyspace?prefix=P`: one directory of the live keyspace index. */
export const keyspaceSummarySchema = z.object({
  state: keyspaceStateSchema,
  /** Why the index is off or restarting, in words. */
  reason: z.string().nullable(),
  /** `keys` while only key names are counted, `values` while value sizes are read. */
  phase: z.enum(["keys", "values"]).nullable(),
  /** The revision every figure is as of; null before the first read. */
  revision: z.number().nullable(),
  /** Share of the current scan done, 0 to 1. */
  progress: z.number(),
  /** The member the index reads from. */
  endpoint: z.string().nullable(),
  prefix: z.string(),
  prefixBase64: z.string(),
  keys: z.number(),
  /** Key bytes plus value bytes, redacted values left out. */
  bytes: z.number(),
  keyBytes: z.number(),
  valueBytes: z.number(),
  /** Keys whose values are redacted: counted in `keys`, never in bytes. */
  redactedKeys: z.number(),
  /** Keys directly under the prefix, not in a child directory. */
  ownKeys: z.number(),
  writesPerSecond: z.number(),
  createsPerSecond: z.number(),
  deletesPerSecond: z.number(),
  /** Child directories, largest first, at most `limit`. */
  children: z.array(keyspaceChildSchema),
  childrenTotal: z.number(),
  largest: z.array(sizedKeySchema),
});

export type KeyspaceState = z.infer<typeof keyspaceStateSchema>;
export type KeyspaceChild = z.infer<typeof keyspaceChildSchema>;
export type KeyspaceSummary = z.infer<typeof keyspaceSummarySchema>;
