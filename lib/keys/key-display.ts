import { textBytes } from "./key-bytes";

const HEX = "0123456789ABCDEF";
const escapeByte = (b: number) => `\\x${HEX[b >> 4]}${HEX[b & 15]}`;
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Length of the well-formed UTF-8 sequence at `i`, or 0 (RFC 3629's table of valid bytes). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + j];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Controls, and invisible or direction-changing format characters that could disguise a key.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/**
 * A key as readable text: printable UTF-8 as it is, every other byte as \xNN and a backslash as
 * \\, so bytes that are not UTF-8, controls and bidi tricks are visible. parseKeyInput reverses it.
 */
export function displayKey(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) {
      out += escapeByte(bytes[i] as number);
      i++;
      continue;
    }
    const slice = bytes.subarray(i, i + n);
    const ch = decoder.decode(slice);
    if (ch === "\\") out += "\\\\";
    else if (HIDDEN.test(ch)) out += Array.from(slice, escapeByte).join("");
    else out += ch;
    i += n;
  }
  return out;
}

/**
 * The bytes a user means by `text` in the jump box: \xNN is a byte, \\ a backslash, anything
 * else its UTF-8. A backslash starting neither is taken literally.
 */
export function parseKeyInput(text: string): Uint8Array {
  const out: number[] = [];
  let plain = "";
  const flush = () => {
    if (plain) out.push(...textBytes(plain));
    plain = "";
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") {
      const hex = /^x([0-9a-fA-F]{2})/.exec(text.slice(i + 1, i + 4));
      if (hex?.[1]) {
        flush();
        out.push(Number.parseInt(hex[1], 16));
        i += 3;
        continue;
      }
      if (text[i + 1] === "\\") {
        plain += "\\";
        i++;
        continue;
      }
    }
    plain += text[i];
  }
  flush();
  return Uint8Array.from(out);
}
