import "server-only";
import type { DecodedValue } from "../../keys/decode/decoded-value";
import { parseEncryptionPrefix } from "../../keys/decode/encryption-prefix";
import {
  compileRedactionPatterns,
  type RedactionPattern,
  redactionFor,
} from "../../keys/redaction";
import { recognizeSecret } from "../../keys/secret/recognize-secret";
import type { SecretIdentity } from "../../keys/secret/secret-identity";
import type { KeyBrowserSettings } from "./key-browser-settings";

export type RedactionReason = "key-pattern" | "kubernetes-secret";

/**
 * Whether a stored value may leave the server, and what may be said about it when not:
 * a Secret's identity (never a value), and the encryption-at-rest provider and key that a
 * ciphertext's plain prefix names.
 */
export type ValueRedaction =
  | { redacted: false }
  | {
      redacted: true;
      reason: RedactionReason;
      secret?: SecretIdentity;
      encryption?: Extract<DecodedValue, { format: "encrypted" }>;
    };

const compiled = new WeakMap<KeyBrowserSettings, RedactionPattern[]>();

function patternsOf(settings: KeyBrowserSettings): RedactionPattern[] {
  let patterns = compiled.get(settings);
  if (!patterns) {
    patterns = compileRedactionPatterns(settings.redactPatterns);
    compiled.set(settings, patterns);
  }
  return patterns;
}

/** True when the key alone (a configured pattern) withholds its value; no read needed. */
export function isRedactedKey(key: Uint8Array, settings: KeyBrowserSettings): boolean {
  return !settings.showSecrets && redactionFor(key, patternsOf(settings)) !== undefined;
}

/**
 * The one gate for every feature that shows anything of a stored value (value, raw download,
 * past revisions, hex, search and keyspace lists): `value` must be the whole value as stored,
 * not a display prefix. Redacted when the key matches a RAFTSCOPE_REDACT_PATTERNS entry or the
 * default `/registry/secrets/`, or when the bytes decode as a core v1 Secret wherever the key is
 * (protobuf or JSON, see recognizeSecret). RAFTSCOPE_SHOW_SECRETS=true shows everything.
 */
export function valueRedaction(
  key: Uint8Array,
  value: Uint8Array,
  settings: KeyBrowserSettings,
): ValueRedaction {
  if (settings.showSecrets) return { redacted: false };
  const secret = recognizeSecret(value);
  const byKey = redactionFor(key, patternsOf(settings)) !== undefined;
  if (!secret && !byKey) return { redacted: false };
  const encryption = parseEncryptionPrefix(value);
  return {
    redacted: true,
    reason: secret ? "kubernetes-secret" : "key-pattern",
    ...(secret ? { secret } : {}),
    ...(encryption ? { encryption } : {}),
  };
}
