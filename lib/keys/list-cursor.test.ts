import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadRequestError } from "../errors";
import { textBytes } from "./key-bytes";
import { decodeCursor, encodeCursor } from "./list-cursor";

describe("listing cursors", () => {
  it("round-trip any non-empty byte string", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (start) => {
        expect(decodeCursor(encodeCursor(start))).toEqual(start);
      }),
    );
  });

  it("are URL-safe without escaping", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (start) => {
        const cursor = encodeCursor(start);
        expect(encodeURIComponent(cursor)).toBe(cursor);
      }),
    );
  });

  it("reject anything Raftscope did not produce", () => {
    for (const bad of ["", "k1.", "abc", "k1.***", "k2.YQ", "k1.YR", "k1.Y", "k1.YQ=="]) {
      expect(() => decodeCursor(bad), bad).toThrow(BadRequestError);
    }
    expect(decodeCursor(encodeCursor(textBytes("/registry/pods0")))).toEqual(
      textBytes("/registry/pods0"),
    );
  });

  it("never throws anything but BadRequestError on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          decodeCursor(text);
        } catch (err) {
          expect(err).toBeInstanceOf(BadRequestError);
        }
      }),
    );
  });
});
