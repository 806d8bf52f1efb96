import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RingBuffer } from "./ring-buffer";

describe("RingBuffer", () => {
  it("keeps the newest `capacity` items, oldest first", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer(), { maxLength: 60 }),
        (cap, items) => {
          const rb = new RingBuffer<number>(cap);
          for (const i of items) rb.push(i);
          expect(rb.toArray()).toEqual(items.slice(-cap));
          expect(rb.length).toBe(Math.min(cap, items.length));
          expect(rb.last()).toBe(items.at(-1));
        },
      ),
    );
  });

  it("replaces the newest item in place", () => {
    const rb = new RingBuffer<number>(2);
    rb.replaceLast(1);
    rb.push(2);
    rb.push(3);
    rb.replaceLast(4);
    expect(rb.toArray()).toEqual([2, 4]);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer, got 0/);
  });
});
