import { parseDocument } from "yaml";
import type { DecodedValue } from "./decoded-value";

export type JsonValue = Extract<DecodedValue, { format: "json" }>["value"];

/** The text parsed as JSON, or undefined when it is not JSON. */
export function parseJson(text: string): { value: JsonValue } | undefined {
  try {
    const value: JsonValue = JSON.parse(text);
    return { value };
  } catch {
    return undefined;
  }
}

/**
 * True when `text` is a YAML document whose top level is a mapping or a sequence; a plain
 * sentence is a valid YAML scalar too, and is better shown as text. Aliases are never expanded
 * (no toJS), so an alias bomb costs nothing.
 */
export function looksLikeYaml(text: string): boolean {
  try {
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) return false;
    const contents = doc.contents;
    return contents !== null && typeof contents === "object" && "items" in contents;
  } catch {
    return false;
  }
}
