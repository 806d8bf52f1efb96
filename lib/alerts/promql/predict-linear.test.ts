import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { predictLinear } from "./predict-linear";

describe("predictLinear", () => {
  it("extends a straight line from the evaluation time", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.integer({ min: 2, max: 60 }),
        (start, slopePerSecond, n) => {
          const samples = Array.from({ length: n }, (_, i) => ({
            t: i * 30_000,
            v: start + slopePerSecond * i * 30,
          }));
          const end = (n - 1) * 30_000;
          const predicted = predictLinear(samples, end, 3600) ?? Number.NaN;
          const expected = start + slopePerSecond * ((n - 1) * 30 + 3600);
          expect(Math.abs(predicted - expected)).toBeLessThan(
            1e-6 * Math.max(1, Math.abs(expected)),
          );
        },
      ),
    );
  });

  it("predicts a constant series as itself, and nothing from one sample", () => {
    const flat = [0, 1, 2].map((i) => ({ t: i * 1000, v: 7 }));
    expect(predictLinear(flat, 2000, 100)).toBe(7);
    expect(predictLinear([{ t: 0, v: 1 }], 0, 100)).toBeUndefined();
  });
});
