import { BadRequestError } from "../errors";
import { decodeKeyParam } from "./key-param";

/**
 * Query parameters with their values still percent-encoded. URLSearchParams decodes values as
 * UTF-8 and replaces invalid bytes, which would lose keys that are not UTF-8; key parameters are
 * decoded to bytes with decodeKeyParam instead. The first occurrence of a name wins.
 */
export function rawQuery(search: string): Map<string, string> {
  const params = new Map<string, string>();
  const body = search.startsWith("?") ? search.slice(1) : search;
  if (!body) return params;
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? "" : pair.slice(eq + 1);
    let name: string;
    try {
      name = new TextDecoder("utf-8", { fatal: true }).decode(decodeKeyParam(rawName, "name"));
    } catch {
      throw new BadRequestError(`query parameter name "${rawName}" is malformed`);
    }
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}
