import { textBytes } from "./key-bytes";

const SLASH = 0x2f;
/** Stands for an empty component: a leading, trailing or doubled "/". */
const EMPTY = "~";
const KEEP = /[A-Za-z0-9\-._]/;
const HEX = "0123456789ABCDEF";

function encodeComponent(bytes: Uint8Array): string {
  if (bytes.length === 0) return EMPTY;
  // Browsers resolve "." and ".." segments, "%2E" spellings included, before sending the URL.
  const dots = bytes.every((b) => b === 0x2e) && bytes.length <= 2;
  let out = "";
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && KEEP.test(ch) && !dots ? ch : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  // Next.js decodes each path segment once; a second layer keeps bytes that are not UTF-8 intact.
  return out.replace(/%/g, "%25");
}

/**
 * The path of a key under `/clusters/{id}/keys/`: one URL segment per "/"-separated component,
 * "~" for an empty one, and bytes outside [A-Za-z0-9._-] as %25XX (a percent-encoded %XX).
 * This avoids what URL paths cannot carry: empty, "." and ".." segments, a trailing slash (Next
 * redirects it away) and bytes that are not UTF-8 (Next answers 400). The empty key is "".
 */
export function keyToPath(key: Uint8Array): string {
  if (key.length === 0) return "";
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    if (i === key.length || key[i] === SLASH) {
      parts.push(encodeComponent(key.subarray(start, i)));
      start = i + 1;
    }
  }
  return parts.join("/");
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

function decodeSegment(segment: string): number[] | undefined {
  if (segment === EMPTY) return [];
  const out: number[] = [];
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code === 0x25) {
      const hi = hexValue(segment.charCodeAt(i + 1));
      const lo = hexValue(segment.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return undefined;
      out.push(hi * 16 + lo);
      i += 2;
    } else {
      // Leniency for hand-typed URLs: anything else is taken as the text it is.
      const cp = segment.codePointAt(i) ?? code;
      out.push(...textBytes(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
    }
  }
  return out;
}

/**
 * The key named by the segments Next.js passes a `[[...path]]` page (already decoded once),
 * or undefined when a segment holds a malformed escape.
 */
export function pathToKey(segments: readonly string[]): Uint8Array | undefined {
  const out: number[] = [];
  for (const [i, segment] of segments.entries()) {
    if (i > 0) out.push(SLASH);
    const bytes = decodeSegment(segment);
    if (!bytes) return undefined;
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}
