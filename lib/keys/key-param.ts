import { BadRequestError } from "../errors";
import { bytesToBase64Url, strictUtf8, textBytes } from "./key-bytes";

// Unreserved characters (RFC 3986) and "/" stay readable; "/" is legal in a query value.
const KEEP = /[A-Za-z0-9\-._~/]/;
const HEX = "0123456789ABCDEF";

/**
 * A key as a query-parameter value: every byte outside the unreserved set and "/" becomes %XX,
 * so any byte sequence, invalid UTF-8 included, survives the URL.
 */
export function encodeKeyParam(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && KEEP.test(ch) ? ch : `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

/**
 * The bytes of a raw (still percent-encoded) query-parameter value. "+" is a space, as in HTML
 * forms and URLSearchParams; characters that are not escaped count as their UTF-8 bytes.
 * Throws BadRequestError naming `what` on a "%" not followed by two hex digits.
 */
export function decodeKeyParam(raw: string, what = "key"): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 0x25) {
      const hi = hexValue(raw.charCodeAt(i + 1));
      const lo = hexValue(raw.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) {
        throw new BadRequestError(
          `${what} is malformed: "%" at position ${i} must be followed by two hex digits`,
        );
      }
      out.push(hi * 16 + lo);
      i += 2;
    } else if (code === 0x2b) {
      out.push(0x20);
    } else if (code < 0x80) {
      out.push(code);
    } else {
      // A raw non-ASCII character: take it as text. Surrogate pairs are two code units.
      const cp = raw.codePointAt(i) ?? code;
      out.push(...textBytes(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
    }
  }
  return Uint8Array.from(out);
}

/**
 * `name=<percent-encoded bytes>`, or `${name}Base64=<base64url>` for bytes that are not UTF-8:
 * Next.js re-encodes a query string as UTF-8 before a route handler sees it, replacing such
 * bytes, so only the base64 spelling reaches the server intact.
 */
export function keyQueryParam(name: string, bytes: Uint8Array): string {
  return strictUtf8(bytes) === undefined
    ? `${name}Base64=${bytesToBase64Url(bytes)}`
    : `${name}=${encodeKeyParam(bytes)}`;
}
