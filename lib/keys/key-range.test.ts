import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareBytes, startsWithBytes, textBytes } from "./key-bytes";
import { keySuccessor, prefixEnd } from "./key-range";

const b = (...xs: number[]) => new Uint8Array(xs);

describe("prefixEnd", () => {
  it("increments the last byte: the prefix-end of a/ is a0", () => {
    expect(prefixEnd(textBytes("a/"))).toEqual(textBytes("a0"));
    expect(prefixEnd(textBytes("/registry/pods/"))).toEqual(textBytes("/registry/pods0"));
  });

  it("drops trailing 0xff bytes before incrementing", () => {
    expect(prefixEnd(b(0x61, 0xff))).toEqual(b(0x62));
    expect(prefixEnd(b(0x61, 0xfe, 0xff, 0xff))).toEqual(b(0x61, 0xff));
  });

  it("is empty (end of keyspace) for the empty prefix and all-0xff prefixes", () => {
    expect(prefixEnd(b())).toEqual(b());
    expect(prefixEnd(b(0xff, 0xff))).toEqual(b());
  });

  it("bounds exactly the keys that start with the prefix", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6 }), fc.uint8Array({ maxLength: 8 }), (p, k) => {
        const end = prefixEnd(p);
        const inRange = compareBytes(k, p) >= 0 && (end.length === 0 || compareBytes(k, end) < 0);
        expect(inRange).toBe(startsWithBytes(k, p));
      }),
    );
  });
});

describe("keySuccessor", () => {
  it("is the smallest key after the key", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 6 }), fc.uint8Array({ maxLength: 8 }), (k, other) => {
        const next = keySuccessor(k);
        expect(compareBytes(next, k)).toBeGreaterThan(0);
        // Nothing lies strictly between a key and its successor.
        expect(compareBytes(other, k) > 0 && compareBytes(other, next) < 0).toBe(false);
      }),
    );
  });
});

describe("prefixEnd on a Node Buffer", () => {
  it("never writes into its input (Buffer#slice is a view)", () => {
    const key = Buffer.from("/registry/");
    const end = prefixEnd(key);
    expect(Buffer.from(end).toString()).toBe("/registry0");
    expect(key.toString()).toBe("/registry/");
  });
});
