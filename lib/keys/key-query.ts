import { z } from "zod";
import { BadRequestError } from "../errors";
import { type ValueFormat, valueFormatSchema } from "./decode/decoded-value";
import { base64UrlToBytes, startsWithBytes, strictUtf8 } from "./key-bytes";
import { keyLengthProblem } from "./key-limits";
import { decodeKeyParam } from "./key-param";
import { decodeCursor } from "./list-cursor";
import { rawQuery } from "./raw-query-params";

/** The most children one page may ask for: a page is one request's worth of etcd reads. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;
const MAX_SEPARATOR_BYTES = 16;

// etcd's revisions are int64. One at or above 2^53 would take a cluster millennia of writes to
// reach: it is answered as etcd answers any revision past the current one, without asking.
const REVISION_TEXT = /^[1-9][0-9]*$/;
const revisionSchema = z
  .string()
  .regex(REVISION_TEXT, "revision must be a positive integer")
  .superRefine((text, ctx) => {
    // Zod runs this after a failed regex too: "abc" is not a revision, not a future one.
    if (!REVISION_TEXT.test(text)) return;
    if (text.length > 19 || (text.length === 19 && BigInt(text) >= 2n ** 63n)) {
      ctx.addIssue({
        code: "custom",
        message: "revision must fit etcd's 64-bit revisions (at most 9223372036854775807)",
      });
    } else if (!Number.isSafeInteger(Number(text))) {
      ctx.addIssue({
        code: "custom",
        message: `Revision ${text} is newer than the cluster's current revision`,
      });
    }
  })
  .transform(Number);

const listTextSchema = z.object({
  limit: z
    .string()
    .regex(/^[0-9]{1,6}$/, "limit must be a positive integer")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, "limit must be at least 1")
        .max(MAX_PAGE_SIZE, `limit must be at most ${MAX_PAGE_SIZE}`),
    )
    .default(DEFAULT_PAGE_SIZE),
  revision: revisionSchema.optional(),
});

const valueTextSchema = z.object({
  revision: revisionSchema.optional(),
  format: z
    .union([valueFormatSchema, z.literal("auto")], {
      error: "format must be auto, text, json, yaml, kubernetes, encrypted or binary",
    })
    .optional(),
});

export interface ListKeysInput {
  prefix: Uint8Array;
  separator: Uint8Array;
  after?: Uint8Array;
  limit: number;
  revision?: number;
}

export interface ReadValueInput {
  key: Uint8Array;
  revision?: number;
  format?: ValueFormat;
}

/** A parameter that is text (limit, revision, format), decoded strictly as UTF-8. */
function textParams(params: Map<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const raw = params.get(name);
    if (raw === undefined) continue;
    const text = strictUtf8(decodeKeyParam(raw, name));
    if (text === undefined) throw new BadRequestError(`${name} is not valid UTF-8`);
    out[name] = text;
  }
  return out;
}

/**
 * A key-valued parameter: `name` as percent-encoded bytes, or `${name}Base64` as the exact bytes
 * in base64 (standard or URL-safe, as the JSON's keyBase64 fields). Next.js re-encodes query
 * strings as UTF-8 before a route sees them, so bytes that are not UTF-8 survive only as base64.
 * At most MAX_KEY_BYTES: a longer one is refused before anything is read.
 */
export function bytesParam(params: Map<string, string>, name: string): Uint8Array | undefined {
  const bytes = bytesParamUncapped(params, name);
  const problem = bytes && keyLengthProblem(name, bytes);
  if (problem) throw new BadRequestError(problem);
  return bytes;
}

function bytesParamUncapped(params: Map<string, string>, name: string): Uint8Array | undefined {
  const raw = params.get(name);
  const raw64 = params.get(`${name}Base64`);
  if (raw !== undefined && raw64 !== undefined) {
    throw new BadRequestError(`give ${name} or ${name}Base64, not both`);
  }
  if (raw64 !== undefined) {
    // Form decoding turned any "+" into a space; base64 has no spaces, so they were "+".
    const text = strictUtf8(decodeKeyParam(raw64, `${name}Base64`))?.replace(/ /g, "+") ?? "";
    const bytes = base64UrlToBytes(text.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
    if (!bytes) throw new BadRequestError(`${name}Base64 is not valid base64`);
    return bytes;
  }
  return raw === undefined ? undefined : decodeKeyParam(raw, name);
}

/**
 * Parses `?prefix=P&separator=/&after=CURSOR&limit=N&revision=R` from the raw query string
 * (URLSearchParams would replace bytes that are not UTF-8). Throws BadRequestError or ZodError.
 */
export function parseListQuery(search: string): ListKeysInput {
  const params = rawQuery(search);
  const prefix = bytesParam(params, "prefix") ?? new Uint8Array();
  const separator = decodeKeyParam(params.get("separator") ?? "%2F", "separator");
  if (separator.length > MAX_SEPARATOR_BYTES) {
    throw new BadRequestError(`separator must be at most ${MAX_SEPARATOR_BYTES} bytes`);
  }
  const { limit, revision } = listTextSchema.parse(textParams(params, ["limit", "revision"]));
  const rawAfter = params.get("after");
  const after = rawAfter
    ? decodeCursor(strictUtf8(decodeKeyParam(rawAfter, "after")) ?? "")
    : undefined;
  // Every cursor a page hands out lies inside its prefix's range.
  const afterProblem = after && keyLengthProblem("after", after);
  if (afterProblem) throw new BadRequestError(afterProblem);
  if (after && !startsWithBytes(after, prefix)) {
    throw new BadRequestError("after is a cursor of a different prefix");
  }
  return {
    prefix,
    separator,
    limit,
    ...(after ? { after } : {}),
    ...(revision ? { revision } : {}),
  };
}

/** Parses `?key=K&revision=R&format=F` from the raw query string. */
export function parseValueQuery(search: string): ReadValueInput {
  const params = rawQuery(search);
  const key = bytesParam(params, "key");
  if (!key || key.length === 0) throw new BadRequestError("key is required");
  const { revision, format } = valueTextSchema.parse(textParams(params, ["revision", "format"]));
  return {
    key,
    ...(revision ? { revision } : {}),
    ...(format && format !== "auto" ? { format } : {}),
  };
}
