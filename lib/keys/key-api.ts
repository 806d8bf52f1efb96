import { z } from "zod";
import { decodedValueSchema } from "./decode/decoded-value";
import { secretIdentitySchema } from "./secret/secret-identity";

/**
 * The key browser's API contract, shared by the route handlers and the client. Keys are bytes:
 * `key` is their text (U+FFFD where they are not UTF-8), `keyBase64` the exact bytes.
 */
export const keyChildSchema = z.object({
  /** The part after the listed prefix; a directory's ends with the separator. */
  name: z.string(),
  key: z.string(),
  keyBase64: z.string(),
  kind: z.enum(["dir", "key"]),
  /** A directory's keys, from the keyspace index once it is ready. */
  keys: z.number().optional(),
  /** A directory's key and value bytes (redacted values left out), from the keyspace index. */
  bytes: z.number().optional(),
});

export const keyListingSchema = z.object({
  /** The revision the page was read at. */
  revision: z.number(),
  /** The cluster's revision when the page was read. */
  currentRevision: z.number(),
  prefix: z.string(),
  prefixBase64: z.string(),
  separator: z.string(),
  children: z.array(keyChildSchema),
  /** Pass as `after` for the next page; null when the listing is complete. */
  nextCursor: z.string().nullable(),
  /** True when the keyspace index answered without reading etcd. */
  fromIndex: z.boolean().optional(),
});

export const keyValueSchema = z.object({
  key: z.string(),
  keyBase64: z.string(),
  revision: z.number(),
  currentRevision: z.number(),
  createRevision: z.number(),
  modRevision: z.number(),
  version: z.number(),
  /** The lease id in hex, as etcdctl prints it; null when the key has no lease. */
  lease: z.string().nullable(),
  /** Bytes; null when the value is beyond what Raftscope reads. */
  size: z.number().nullable(),
  /** Only the first part of the value is decoded below. */
  truncated: z.boolean(),
  /** The value's bytes are withheld: its key matches a redaction pattern, or it is a Secret. */
  redacted: z.boolean(),
  redactedBecause: z.enum(["key-pattern", "kubernetes-secret"]).optional(),
  /** A redacted value that decodes as a core v1 Secret: its identity, never its values. */
  secret: secretIdentitySchema.optional(),
  /** Null when redacted (unless encrypted at rest, which names provider and key only). */
  decoded: decodedValueSchema.nullable(),
  notice: z.string().optional(),
});

export const currentRevisionSchema = z.object({ currentRevision: z.number() });

export type KeyChild = z.infer<typeof keyChildSchema>;
export type KeyListing = z.infer<typeof keyListingSchema>;
export type KeyValue = z.infer<typeof keyValueSchema>;
