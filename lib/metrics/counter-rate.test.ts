import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { counterRate } from "./counter-rate";

describe("counterRate", () => {
  it("divides the increase by the interval", () => {
    expect(counterRate(100, 150, 10)).toBe(5);
    expect(counterRate(7, 7, 5)).toBe(0);
  });

  it("takes the new value as the increase after a reset", () => {
    // 1.2 CPU seconds before the restart, 0.3 since: 0.3 over 15 s, not -0.9.
    expect(counterRate(1.2, 0.3, 15)).toBeCloseTo(0.02, 15);
  });

  it("is undefined without both values or a positive interval", () => {
    expect(counterRate(undefined, 5, 10)).toBeUndefined();
    expect(counterRate(5, undefined, 10)).toBeUndefined();
    expect(counterRate(5, 10, 0)).toBeUndefined();
    expect(counterRate(5, 10, -3)).toBeUndefined();
  });

  it("is undefined for values no counter can have", () => {
    expect(counterRate(-1, 10, 10)).toBeUndefined();
    expect(counterRate(1, -10, 10)).toBeUndefined();
    expect(counterRate(Number.NaN, 10, 10)).toBeUndefined();
    expect(counterRate(1, Number.POSITIVE_INFINITY, 10)).toBeUndefined();
  });

  it("is never negative, whatever the two scrapes say", () => {
    fc.assert(
      fc.property(
        fc.option(fc.double(), { nil: undefined }),
        fc.option(fc.double(), { nil: undefined }),
        fc.double(),
        (prev, next, seconds) => {
          const rate = counterRate(prev, next, seconds);
          return rate === undefined || rate >= 0;
        },
      ),
    );
  });

  it("matches the plain difference quotient when the counter grew", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 3600 }),
        (start, growth, seconds) => {
          expect(counterRate(start, start + growth, seconds)).toBe(growth / seconds);
        },
      ),
    );
  });
});
