import "server-only";
import type { KeyBrowserSettings } from "../keys/key-browser-settings";
import { valueRedaction as keyBrowserRedaction } from "../keys/value-redaction";

/** Decides whether a value's bytes may be counted where people see them. */
export type ValueRedaction = (key: Uint8Array, value: Uint8Array) => boolean;

/**
 * The index's redaction rule: the key browser's own (lib/server/keys/value-redaction.ts), by key
 * pattern and by content, so a Kubernetes Secret stored under any key is redacted here too.
 */
export function valueRedaction(settings: KeyBrowserSettings): ValueRedaction {
  return (key, value) => keyBrowserRedaction(key, value, settings).redacted;
}
