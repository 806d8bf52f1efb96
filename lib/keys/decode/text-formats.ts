import { parseDocument } from "yaml";
import type { DecodedValue } from "./decoded-value";

export type JsonValue = Extract<DecodedValue, { format: "json" }>["value"];

/**
 * JSON nested deeper than this is shown as text: the answer is serialised, validated and
 * rendered recursively, and V8's JSON.stringify overflows its stack near 10,000 levels.
 */
export const MAX_JSON_DEPTH = 256;

/** How deep arrays and objects nest in `value`, counted with an explicit stack, up to `limit` + 1. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== "object" || node === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * The text parsed as JSON; `tooDeep` when it is JSON nested deeper than MAX_JSON_DEPTH;
 * undefined when it is not JSON.
 */
export function parseJson(text: string): { value: JsonValue } | { tooDeep: true } | undefined {
  let value: JsonValue;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return nestingDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH ? { tooDeep: true } : { value };
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
