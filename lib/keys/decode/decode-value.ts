import { bytesText, bytesToBase64, startsWithBytes, strictUtf8 } from "../key-bytes";
import type { DecodedValue, ValueFormat } from "./decoded-value";
import { parseEncryptionPrefix } from "./encryption-prefix";
import { decodeKubernetesEnvelope, K8S_MAGIC } from "./kubernetes-envelope";
import { isPrintable } from "./protobuf-tree";
import { looksLikeYaml, MAX_JSON_DEPTH, parseJson } from "./text-formats";

const TOO_DEEP = `JSON nested deeper than ${MAX_JSON_DEPTH} levels, shown as text`;

export interface DecodeOptions {
  /** The key, whose extension (.json, .yaml, .txt) breaks ties in detection. */
  key?: Uint8Array;
  /** A decoder the user picked; detection otherwise. */
  format?: ValueFormat;
  /** The bytes are the first part of a longer value. */
  truncated?: boolean;
}

function binary(bytes: Uint8Array, note?: string): DecodedValue {
  return { format: "binary", base64: bytesToBase64(bytes), ...(note ? { note } : {}) };
}

function extension(key: Uint8Array | undefined): string {
  if (!key) return "";
  const tail = bytesText(key.subarray(Math.max(0, key.length - 8))).toLowerCase();
  return /\.([a-z]+)$/.exec(tail)?.[1] ?? "";
}

function truncatedNote(truncated: boolean | undefined): string {
  return truncated ? " (the value is truncated; download it whole to decode it)" : "";
}

function asText(bytes: Uint8Array, opts: DecodeOptions, why?: string): DecodedValue {
  const text = strictUtf8(bytes);
  if (text === undefined) {
    return binary(bytes, `${why ? `${why}; ` : ""}not valid UTF-8, shown as hex`);
  }
  return { format: "text", text, ...(why ? { note: why + truncatedNote(opts.truncated) } : {}) };
}

function forced(bytes: Uint8Array, format: ValueFormat, opts: DecodeOptions): DecodedValue {
  switch (format) {
    case "binary":
      return binary(bytes);
    case "text":
      return asText(bytes, opts);
    case "json": {
      const text = strictUtf8(bytes);
      const parsed = text === undefined ? undefined : parseJson(text);
      if (parsed && "value" in parsed) return { format: "json", value: parsed.value };
      return asText(bytes, opts, parsed ? TOO_DEEP : "Not valid JSON");
    }
    case "yaml": {
      const text = strictUtf8(bytes);
      if (text !== undefined && looksLikeYaml(text)) return { format: "yaml", text };
      return asText(bytes, opts, "Not a YAML mapping or sequence");
    }
    case "kubernetes":
      return (
        decodeKubernetesEnvelope(bytes) ??
        binary(
          bytes,
          startsWithBytes(bytes, K8S_MAGIC)
            ? `Truncated or malformed protobuf after the k8s magic bytes, shown as hex${truncatedNote(opts.truncated)}`
            : "Not a Kubernetes protobuf value (no k8s\\0 magic bytes), shown as hex",
        )
      );
    case "encrypted":
      return (
        parseEncryptionPrefix(bytes) ??
        binary(bytes, "Not encrypted at rest by Kubernetes (no k8s:enc: prefix), shown as hex")
      );
  }
}

function detected(bytes: Uint8Array, opts: DecodeOptions): DecodedValue {
  const encrypted = parseEncryptionPrefix(bytes);
  if (encrypted) return encrypted;
  if (startsWithBytes(bytes, K8S_MAGIC)) return forced(bytes, "kubernetes", opts);
  const text = strictUtf8(bytes);
  if (text === undefined) return binary(bytes, "Not valid UTF-8, shown as hex");
  if (!isPrintable(text)) return binary(bytes, "Contains control characters, shown as hex");
  const ext = extension(opts.key);
  if (ext === "txt") return { format: "text", text };
  const trimmed = text.trimStart();
  if (ext === "json" || trimmed.startsWith("{") || trimmed.startsWith("[")) {
    const parsed = parseJson(text);
    if (parsed && "value" in parsed) return { format: "json", value: parsed.value };
    if (parsed) return asText(bytes, opts, TOO_DEEP);
    if (ext === "json") return asText(bytes, opts, "Not valid JSON");
  }
  const lines = text.split("\n").filter((l) => l.trim() && !l.trimStart().startsWith("#"));
  if ((ext === "yaml" || ext === "yml" || lines.length >= 2) && looksLikeYaml(text)) {
    return { format: "yaml", text };
  }
  return { format: "text", text };
}

/**
 * Decodes a value for display: the format the user picked, or the one detected (encryption at
 * rest, the Kubernetes protobuf envelope, JSON, YAML, text, else binary). Never throws: bytes
 * no decoder fits come back as binary with a note saying why.
 */
export function decodeValue(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedValue {
  try {
    return opts.format ? forced(bytes, opts.format, opts) : detected(bytes, opts);
  } catch (err) {
    return binary(
      bytes,
      `The decoder failed (${err instanceof Error ? err.message : "unknown error"}), shown as hex`,
    );
  }
}
