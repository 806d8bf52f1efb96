import { compareBytes, indexOfBytes, startsWithBytes, textBytes } from "./key-bytes";

/** Kubernetes keeps Secrets here under its default --etcd-prefix. */
export const DEFAULT_REDACT_PATTERNS = ["/registry/secrets/*"] as const;

/** A compiled glob: the literal byte runs between its "*"s. */
export interface RedactionPattern {
  source: string;
  parts: Uint8Array[];
}

/**
 * Compiles RAFTSCOPE_REDACT_PATTERNS entries: "*" matches any run of bytes, "/" included; an
 * entry ending in "/" is a prefix (it covers every key under it, as if it ended in "/*");
 * any other entry without "*" is one exact key.
 */
export function compileRedactionPatterns(patterns: readonly string[]): RedactionPattern[] {
  return patterns.map((source) => ({
    source,
    parts: (source.endsWith("/") ? `${source}*` : source).split("*").map(textBytes),
  }));
}

function endsWithBytes(bytes: Uint8Array, suffix: Uint8Array): boolean {
  if (suffix.length > bytes.length) return false;
  return compareBytes(bytes.subarray(bytes.length - suffix.length), suffix) === 0;
}

function matches(key: Uint8Array, { parts }: RedactionPattern): boolean {
  const first = parts[0] ?? new Uint8Array();
  if (parts.length === 1) return compareBytes(key, first) === 0;
  const last = parts[parts.length - 1] ?? new Uint8Array();
  if (!startsWithBytes(key, first) || key.length < first.length + last.length) return false;
  if (!endsWithBytes(key, last)) return false;
  // Middle runs match greedily left to right, within what the first and last runs leave.
  let at = first.length;
  const stop = key.length - last.length;
  for (const part of parts.slice(1, -1)) {
    if (part.length === 0) continue;
    const found = indexOfBytes(key.subarray(0, stop), part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}

/** The first pattern that covers `key`, or undefined when its value may be shown. */
export function redactionFor(
  key: Uint8Array,
  patterns: readonly RedactionPattern[],
): RedactionPattern | undefined {
  return patterns.find((p) => matches(key, p));
}
