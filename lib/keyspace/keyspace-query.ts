import { z } from "zod";
import { BadRequestError } from "../errors";
import { strictUtf8 } from "../keys/key-bytes";
import { decodeKeyParam } from "../keys/key-param";
import { bytesParam } from "../keys/key-query";
import { rawQuery } from "../keys/raw-query-params";

export const MAX_CHILDREN = 500;

const limitSchema = z
  .string()
  .regex(/^[0-9]{1,6}$/, "limit must be an integer")
  .transform(Number)
  .pipe(
    z
      .number()
      .min(1, "limit must be at least 1")
      .max(MAX_CHILDREN, `limit must be at most ${MAX_CHILDREN}`),
  )
  .default(100);

export interface KeyspaceQuery {
  /** A directory: empty (the whole keyspace) or ending with "/". */
  prefix: Uint8Array;
  /** Child directories to list, largest first. */
  limit: number;
}

/** Parses `?prefix=P&limit=N` (or `prefixBase64`); BadRequestError names what is wrong. */
export function parseKeyspaceQuery(search: string): KeyspaceQuery {
  const params = rawQuery(search);
  const prefix = bytesParam(params, "prefix") ?? new Uint8Array();
  if (prefix.length > 0 && prefix[prefix.length - 1] !== 0x2f) {
    throw new BadRequestError(
      'prefix must be empty or end with "/": the keyspace index keeps figures by directory',
    );
  }
  const rawLimit = params.get("limit");
  const limitText =
    rawLimit === undefined ? undefined : strictUtf8(decodeKeyParam(rawLimit, "limit"));
  if (rawLimit !== undefined && limitText === undefined) {
    throw new BadRequestError("limit is not valid UTF-8");
  }
  return { prefix, limit: limitSchema.parse(limitText) };
}
