import { z } from "zod";
import { BadRequestError } from "../errors";
import { strictUtf8 } from "./key-bytes";
import { decodeKeyParam } from "./key-param";
import { bytesParam } from "./key-query";
import { rawQuery } from "./raw-query-params";

/** The most matches one search may return. */
export const MAX_SEARCH_MATCHES = 1000;
/** Matches a search stops at when no limit is asked for; the key browser shows this cap. */
export const DEFAULT_SEARCH_MATCHES = 200;
const MAX_NEEDLE_BYTES = 256;

const limitSchema = z
  .string()
  .regex(/^[0-9]{1,6}$/, "limit must be an integer")
  .transform(Number)
  .pipe(
    z
      .number()
      .min(1, "limit must be at least 1")
      .max(MAX_SEARCH_MATCHES, `limit must be at most ${MAX_SEARCH_MATCHES}`),
  )
  .default(DEFAULT_SEARCH_MATCHES);

export interface SearchKeysInput {
  prefix: Uint8Array;
  /** The substring to find in key names after the prefix. */
  q: Uint8Array;
  /** Matches to stop at. */
  limit: number;
}

/** Parses `?prefix=P&q=S&limit=N` (prefix and q may be `…Base64`); BadRequestError names the fault. */
export function parseSearchQuery(search: string): SearchKeysInput {
  const params = rawQuery(search);
  const prefix = bytesParam(params, "prefix") ?? new Uint8Array();
  const q = bytesParam(params, "q");
  if (!q || q.length === 0)
    throw new BadRequestError("q is required: the text to find in key names");
  if (q.length > MAX_NEEDLE_BYTES) {
    throw new BadRequestError(`q must be at most ${MAX_NEEDLE_BYTES} bytes`);
  }
  const rawLimit = params.get("limit");
  const limitText =
    rawLimit === undefined ? undefined : strictUtf8(decodeKeyParam(rawLimit, "limit"));
  if (rawLimit !== undefined && limitText === undefined) {
    throw new BadRequestError("limit is not valid UTF-8");
  }
  return { prefix, q, limit: limitSchema.parse(limitText) };
}
