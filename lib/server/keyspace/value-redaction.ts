import "server-only";
import { compileRedactionPatterns, redactionFor } from "../../keys/redaction";
import type { KeyBrowserSettings } from "../keys/key-browser-settings";

/** Decides whether a value's bytes may be counted where people see them. */
export type ValueRedaction = (key: Uint8Array, value: Uint8Array) => boolean;

/**
 * The index's redaction rule, compiled once: the key browser's patterns for now. A value is
 * redacted by its key alone; a rule that also looks at the value (a Kubernetes Secret found
 * by its content) plugs in here, and the index already passes every value it reads.
 */
export function valueRedaction(settings: KeyBrowserSettings): ValueRedaction {
  if (settings.showSecrets) return () => false;
  const patterns = compileRedactionPatterns(settings.redactPatterns);
  return (key) => redactionFor(key, patterns) !== undefined;
}
