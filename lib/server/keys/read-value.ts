import "server-only";
import { NotFoundError, RaftscopeError } from "../../errors";
import { decodeValue } from "../../keys/decode/decode-value";
import type { KeyValue } from "../../keys/key-api";
import { bytesText, bytesToBase64 } from "../../keys/key-bytes";
import type { ReadValueInput } from "../../keys/key-query";
import type { KeyBrowserSettings } from "./key-browser-settings";
import { type KeyReader, VALUE_READ_CAP } from "./key-reader";
import type { KvRecord } from "./read-only-kv";
import { isRedactedKey, type ValueRedaction, valueRedaction } from "./value-redaction";

/** Values beyond this are decoded from their first part only; the raw download has them whole. */
export const VALUE_DISPLAY_CAP = 256 * 1024;

export interface RawValue {
  key: Uint8Array;
  value: Uint8Array;
  modRevision: number;
}

function leaseHex(lease: string): string | null {
  return lease === "0" || lease === "" ? null : BigInt(lease).toString(16);
}

async function readRecord(
  reader: KeyReader,
  key: Uint8Array,
  revision: number,
  keysOnly: boolean,
): Promise<{ record: KvRecord; headerRevision: number }> {
  const answer = await reader.range({
    start: key,
    limit: 1,
    revision,
    keysOnly,
    serializable: false,
  });
  const record = answer.records[0];
  if (!record) {
    throw new NotFoundError(
      `No key ${JSON.stringify(bytesText(key))} at revision ${revision || answer.headerRevision}`,
    );
  }
  return { record, headerRevision: answer.headerRevision };
}

/**
 * A key's metadata and its value decoded for display. A redacted value's bytes never appear in
 * the answer (whatever decoder is asked for, hex included); a Secret's identity does, and when it
 * is encrypted at rest the provider and key, which the ciphertext's plain prefix states and which
 * operators check to confirm encryption works. See valueRedaction.
 */
export async function readValue(
  reader: KeyReader,
  input: ReadValueInput,
  settings: KeyBrowserSettings,
): Promise<KeyValue> {
  const revision = input.revision ?? 0;
  let read: { record: KvRecord; headerRevision: number };
  let tooLarge = false;
  try {
    read = await readRecord(reader, input.key, revision, false);
  } catch (err) {
    if (!(err instanceof RaftscopeError && err.code === "VALUE_TOO_LARGE")) throw err;
    tooLarge = true;
    read = await readRecord(reader, input.key, revision, true);
  }
  const { record, headerRevision } = read;
  const value = record.value ?? new Uint8Array();
  // A value too large to read is judged by its key alone; none of it is shown either way.
  const redaction: ValueRedaction = tooLarge
    ? isRedactedKey(input.key, settings)
      ? { redacted: true, reason: "key-pattern" }
      : { redacted: false }
    : valueRedaction(input.key, value, settings);
  const truncated = tooLarge || value.length > VALUE_DISPLAY_CAP;
  const shown = value.subarray(0, VALUE_DISPLAY_CAP);
  let decoded: KeyValue["decoded"] = null;
  if (redaction.redacted) decoded = redaction.encryption ?? null;
  else if (!tooLarge)
    decoded = decodeValue(shown, { key: input.key, format: input.format, truncated });
  return {
    key: bytesText(record.key),
    keyBase64: bytesToBase64(record.key),
    revision: revision || headerRevision,
    currentRevision: headerRevision,
    createRevision: record.createRevision,
    modRevision: record.modRevision,
    version: record.version,
    lease: leaseHex(record.lease),
    size: tooLarge ? null : value.length,
    truncated,
    redacted: redaction.redacted,
    ...(redaction.redacted ? { redactedBecause: redaction.reason } : {}),
    ...(redaction.redacted && redaction.secret ? { secret: redaction.secret } : {}),
    decoded,
    ...(tooLarge
      ? {
          notice: `The value is larger than ${VALUE_READ_CAP / 1024 / 1024} MiB, more than Raftscope reads`,
        }
      : truncated
        ? {
            notice: `Only the first ${VALUE_DISPLAY_CAP / 1024} KiB are shown; download the raw value for all of it`,
          }
        : {}),
  };
}

function redactedError(because: string): RaftscopeError {
  return new RaftscopeError(
    "FORBIDDEN",
    `This value is redacted (${because}); Raftscope shows secrets only when the server sets RAFTSCOPE_SHOW_SECRETS=true`,
  );
}

/** The whole value for download; FORBIDDEN when it is redacted. */
export async function readRawValue(
  reader: KeyReader,
  input: Pick<ReadValueInput, "key" | "revision">,
  settings: KeyBrowserSettings,
): Promise<RawValue> {
  // A key pattern is checked before reading, so such a value is never even fetched for download.
  if (isRedactedKey(input.key, settings)) throw redactedError("its key matches a secret pattern");
  const { record } = await readRecord(reader, input.key, input.revision ?? 0, false);
  const value = record.value ?? new Uint8Array();
  if (valueRedaction(input.key, value, settings).redacted) {
    throw redactedError("it is a Kubernetes Secret");
  }
  return {
    key: record.key,
    value,
    modRevision: record.modRevision,
  };
}
