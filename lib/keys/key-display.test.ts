import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textBytes } from "./key-bytes";
import { displayKey, parseKeyInput } from "./key-display";

describe("displayKey", () => {
  it("shows printable keys as they are", () => {
    expect(displayKey(textBytes("/registry/pods/default/nginx"))).toBe(
      "/registry/pods/default/nginx",
    );
    expect(displayKey(textBytes("<script>alert(1)</script>"))).toBe("<script>alert(1)</script>");
    expect(displayKey(textBytes("rate limit 100% é 日本"))).toBe("rate limit 100% é 日本");
  });

  it("escapes bytes that are not UTF-8, controls and bidi overrides", () => {
    expect(displayKey(Uint8Array.of(0x2f, 0x00, 0xff, 0xfe, 0x80, 0x61))).toBe(
      "/\\x00\\xFF\\xFE\\x80a",
    );
    expect(displayKey(textBytes("a\u202Eb\nc\\"))).toBe("a\\xE2\\x80\\xAEb\\x0Ac\\\\");
    expect(displayKey(Uint8Array.of(0xed, 0xa0, 0x80))).toBe("\\xED\\xA0\\x80");
    expect(displayKey(Uint8Array.of(0xc0, 0xaf))).toBe("\\xC0\\xAF");
  });

  it("round-trips any bytes through parseKeyInput", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 50 }), (bytes) => {
        expect(parseKeyInput(displayKey(bytes))).toEqual(bytes);
      }),
      { numRuns: 3_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => {
        const bytes = textBytes(text);
        expect(parseKeyInput(displayKey(bytes))).toEqual(bytes);
      }),
    );
  });

  it("agrees with a strict UTF-8 decoder on what is valid", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        if (!valid) expect(displayKey(bytes)).toMatch(/\\x[89A-F][0-9A-F]/);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("parseKeyInput", () => {
  it("reads \\xNN escapes and keeps other backslashes", () => {
    expect(parseKeyInput("/config/binary/\\x00\\xff-key")).toEqual(
      Uint8Array.of(...textBytes("/config/binary/"), 0x00, 0xff, ...textBytes("-key")),
    );
    expect(parseKeyInput("a\\b")).toEqual(textBytes("a\\b"));
    expect(parseKeyInput("a\\\\b")).toEqual(textBytes("a\\b"));
  });
});
