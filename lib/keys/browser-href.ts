import { endsWithBytes } from "./browser-view";
import type { ValueFormat } from "./decode/decoded-value";
import { bytesText } from "./key-bytes";
import { keyToPath } from "./key-path";

export interface BrowserHrefOptions {
  separator?: Uint8Array;
  revision?: number;
  /** "key" shows the value even where the target looks like a directory. */
  view?: "key" | "search";
  format?: ValueFormat;
  /** Find keys under the target (a prefix) whose name contains this text. */
  find?: string;
}

/** The key browser page's URL for `target` and view options; the inverse of browserView. */
export function keyBrowserHref(
  clusterId: string,
  target: Uint8Array,
  opts: BrowserHrefOptions = {},
): string {
  const path = keyToPath(target);
  const base = `/clusters/${encodeURIComponent(clusterId)}/keys${path ? `/${path}` : ""}`;
  const query: string[] = [];
  const sep = opts.separator;
  if (sep && bytesText(sep) !== "/") query.push(`separator=${encodeURIComponent(bytesText(sep))}`);
  const looksLikeDir = target.length === 0 || endsWithBytes(target, sep ?? Uint8Array.of(0x2f));
  if (opts.view === "search" || (opts.view === "key" && looksLikeDir))
    query.push(`view=${opts.view}`);
  if (opts.revision) query.push(`revision=${opts.revision}`);
  if (opts.format) query.push(`format=${opts.format}`);
  if (opts.find) query.push(`q=${encodeURIComponent(opts.find)}`);
  return query.length ? `${base}?${query.join("&")}` : base;
}
