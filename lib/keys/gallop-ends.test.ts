import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gallopEnds } from "./gallop-ends";
import { bytesText, compareBytes, textBytes } from "./key-bytes";

const t = textBytes;
const show = (ends: Uint8Array[]) => ends.map((e) => bytesText(e).slice("/p/".length));

describe("gallopEnds", () => {
  it("widens from the last child outwards", () => {
    const ends = show(gallopEnds(t("/p/"), t("/p/ns-0041/")));
    expect(ends.slice(0, 10)).toEqual([
      "ns-0042",
      "ns-005",
      "ns-01",
      "ns-1",
      "ns.",
      "nt",
      "o",
      "p",
      "q",
      "r",
    ]);
  });

  it("after a carry, bounds the smallest sibling shaped like the template", () => {
    const ends = show(gallopEnds(t("/p/"), t("/p/ns-0049/"), t("/p/ns-0000/")));
    expect(ends.slice(0, 4)).toEqual(["ns-004;", "ns-005", "ns-0051", "ns-01"]);
    expect(show(gallopEnds(t("/p/"), t("/p/ns-0000/"), t("/p/ns-0000/"))).slice(0, 3)).toEqual([
      "ns-0002",
      "ns-001",
      "ns-0011",
    ]);
    expect(ends).toContain("ns-0101");
  });

  it("is strictly increasing and every end is past the key's subtree", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3 }),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
        fc.uint8Array({ maxLength: 8 }),
        (p, rest, template) => {
          const key = new Uint8Array([...p, ...rest]);
          const ends = gallopEnds(p, key, new Uint8Array([...p, ...template]));
          for (let i = 1; i < ends.length; i++) {
            expect(compareBytes(ends[i - 1] as Uint8Array, ends[i] as Uint8Array)).toBeLessThan(0);
          }
          for (const e of ends) expect(compareBytes(e, key)).toBeGreaterThan(0);
        },
      ),
    );
  });
});
