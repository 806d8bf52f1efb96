import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hexDumpRow, hexRowCount } from "./hex-dump";

describe("hexDumpRow", () => {
  it("formats offset, hex and ASCII like hexdump -C", () => {
    const bytes = new Uint8Array([
      0x6b,
      0x38,
      0x73,
      0x00,
      ...new TextEncoder().encode("<script>abcdefgh"),
    ]);
    expect(hexDumpRow(bytes, 0)).toEqual({
      offset: "00000000",
      hex: "6b 38 73 00 3c 73 63 72  69 70 74 3e 61 62 63 64".padEnd(48),
      ascii: "k8s.<script>abcd",
    });
    expect(hexDumpRow(bytes, 1)).toMatchObject({ offset: "00000010", ascii: "efgh" });
  });

  it("covers every byte exactly once", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const hex = Array.from(
          { length: hexRowCount(bytes.length) },
          (_, r) => hexDumpRow(bytes, r).hex,
        )
          .join(" ")
          .split(/\s+/)
          .filter(Boolean);
        expect(hex.map((h) => Number.parseInt(h, 16))).toEqual([...bytes]);
      }),
    );
  });
});
