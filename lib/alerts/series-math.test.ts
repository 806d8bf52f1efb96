import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeHistory } from "./make-history";
import { counterIncrease, integrateRate, mean, predictLinear, windowStart } from "./series-math";

const series = (values: number[], stepMs = 1000) => values.map((v, i) => ({ t: i * stepMs, v }));

describe("counterIncrease", () => {
  it("adds the rises and counts a drop as a reset from zero", () => {
    expect(counterIncrease(series([5, 7, 7, 10]))).toBe(5);
    expect(counterIncrease(series([5, 7, 2, 4]))).toBe(2 + 2 + 2);
    expect(counterIncrease(series([3]))).toBe(0);
  });

  it("equals last minus first for any counter that never resets", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 50 }), (steps) => {
        let total = 0;
        const values = steps.map((d) => {
          total += d;
          return total;
        });
        expect(counterIncrease(series(values))).toBe((values.at(-1) ?? 0) - (values[0] ?? 0));
      }),
    );
  });
});

describe("integrateRate and mean", () => {
  it("turns a steady rate into a count", () => {
    expect(integrateRate(series([2, 2, 2, 2], 10_000))).toBe(60);
    expect(mean(series([1, 2, 3]))).toBe(2);
    expect(mean([])).toBeUndefined();
  });
});

describe("predictLinear", () => {
  it("extends a straight line exactly", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 2, max: 40 }),
        (start, slopePerSecond, n) => {
          const s = Array.from({ length: n }, (_, i) => ({
            t: i * 1000,
            v: start + slopePerSecond * i,
          }));
          const predicted = predictLinear(s, 60_000) ?? Number.NaN;
          expect(predicted).toBeCloseTo(start + slopePerSecond * (n - 1 + 60), 6);
        },
      ),
    );
  });

  it("needs two samples spread in time", () => {
    expect(predictLinear(series([1]), 1000)).toBeUndefined();
    expect(
      predictLinear(
        [
          { t: 5, v: 1 },
          { t: 5, v: 2 },
        ],
        1000,
      ),
    ).toBeUndefined();
  });
});

describe("windowStart", () => {
  it("finds the first point inside the span", () => {
    const points = makeHistory({ minutes: 10, stepMs: 60_000 });
    expect(points).toHaveLength(11);
    expect(windowStart(points, 10, 5 * 60_000)).toBe(5);
    expect(windowStart(points, 10, 60 * 60_000)).toBe(0);
    expect(windowStart(points, 3, 0)).toBe(3);
  });
});
