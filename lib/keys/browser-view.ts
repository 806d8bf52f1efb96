import { type ValueFormat, valueFormatSchema } from "./decode/decoded-value";
import { bytesEqual, copyBytes, textBytes } from "./key-bytes";

/** dir: a prefix's children; key: one key's value beside its siblings; search: keys by prefix. */
export type BrowserMode = "dir" | "key" | "search";

/** What the key browser page shows, from its URL: the path is the target, the rest is query. */
export interface BrowserView {
  mode: BrowserMode;
  target: Uint8Array;
  separator: Uint8Array;
  /** The prefix whose children the list shows. */
  listPrefix: Uint8Array;
  /** The key whose value is shown (key mode). */
  selectedKey?: Uint8Array;
  revision?: number;
  /**
   * The `revision` parameter as given when it is not a revision (not a positive integer): the
   * page must say so rather than quietly show the current revision as if it were the past.
   */
  badRevision?: string;
  format?: ValueFormat;
  /** A name search within listPrefix: the text to find in key names (the `q` parameter). */
  find?: string;
}

/** Search parameters of the page, as Next passes them (already decoded text). */
export interface BrowserParams {
  separator?: string;
  revision?: string;
  view?: string;
  format?: string;
  q?: string;
}

const DEFAULT_SEPARATOR = textBytes("/");
/** The server refuses more than 256 bytes; 256 characters keeps a pasted paragraph out of the URL. */
const MAX_FIND_CHARS = 256;

/** True when `bytes` ends with the (non-empty) `suffix`. */
export function endsWithBytes(bytes: Uint8Array, suffix: Uint8Array): boolean {
  return (
    suffix.length > 0 &&
    suffix.length <= bytes.length &&
    bytesEqual(bytes.subarray(bytes.length - suffix.length), suffix)
  );
}

/** The directory `key` is in: up to and including the last separator, or the root. */
export function parentPrefix(key: Uint8Array, separator: Uint8Array): Uint8Array {
  if (separator.length === 0) return new Uint8Array();
  for (let i = key.length - separator.length - 1; i >= 0; i--) {
    if (bytesEqual(key.subarray(i, i + separator.length), separator)) {
      return copyBytes(key, 0, i + separator.length);
    }
  }
  return new Uint8Array();
}

/** The directories from the root down to `prefix`: "", "/", "/registry/", … */
export function ancestorPrefixes(prefix: Uint8Array, separator: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [new Uint8Array()];
  if (separator.length === 0) return out;
  for (let i = 0; i + separator.length <= prefix.length; i++) {
    if (bytesEqual(prefix.subarray(i, i + separator.length), separator)) {
      out.push(copyBytes(prefix, 0, i + separator.length));
      i += separator.length - 1;
    }
  }
  return out;
}

/**
 * Reads the page's URL into a view; malformed parameters fall back to their defaults, except a
 * malformed `revision`, which is kept in `badRevision` for the page to refuse.
 */
export function browserView(target: Uint8Array, params: BrowserParams): BrowserView {
  const sepText = params.separator;
  const separator = sepText === undefined ? DEFAULT_SEPARATOR : textBytes(sepText).subarray(0, 16);
  const revision = /^[1-9][0-9]{0,15}$/.test(params.revision ?? "")
    ? Number(params.revision)
    : undefined;
  const format = valueFormatSchema.safeParse(params.format);
  const common = {
    target,
    separator,
    ...(revision ? { revision } : {}),
    ...(params.revision !== undefined && !revision ? { badRevision: params.revision } : {}),
    ...(format.success ? { format: format.data } : {}),
    ...(params.q ? { find: params.q.slice(0, MAX_FIND_CHARS) } : {}),
  };
  if (params.view === "search") return { ...common, mode: "search", listPrefix: target };
  const isDir = target.length === 0 || endsWithBytes(target, separator);
  if (isDir && params.view !== "key") return { ...common, mode: "dir", listPrefix: target };
  return {
    ...common,
    mode: "key",
    listPrefix: parentPrefix(target, separator),
    selectedKey: target,
  };
}
