import { describe, expect, it } from "vitest";
import { extrapolatedRate } from "./extrapolated-rate";

const at = (pairs: [number, number][]) => pairs.map(([s, v]) => ({ t: s * 1000, v }));

// Expected values worked through Prometheus 2.42's extrapolatedRate by hand.
describe("extrapolatedRate", () => {
  it("needs two samples", () => {
    expect(extrapolatedRate(at([[10, 5]]), { end: 60_000, rangeMs: 60_000 }, true)).toBeUndefined();
  });

  it("extends to the window's edges when the samples reach near them", () => {
    // 10 → 70 over 50 s of samples 10 s apart; 5 s to each edge (< 11 s): 60 × 60/50 = 72.
    const samples = at([
      [5, 10],
      [15, 22],
      [25, 34],
      [35, 46],
      [45, 58],
      [55, 70],
    ]);
    expect(extrapolatedRate(samples, { end: 60_000, rangeMs: 60_000 }, false)).toBeCloseTo(72, 12);
    expect(extrapolatedRate(samples, { end: 60_000, rangeMs: 60_000 }, true)).toBeCloseTo(1.2, 12);
  });

  it("extends by half an interval where the samples stop short of an edge", () => {
    // Samples from 30 s to 50 s: 30 s to the start (> 11 s) adds 5 s; 10 s to the end adds 10 s.
    const samples = at([
      [30, 100],
      [40, 110],
      [50, 120],
    ]);
    expect(extrapolatedRate(samples, { end: 60_000, rangeMs: 60_000 }, false)).toBeCloseTo(
      (20 * 35) / 20,
      12,
    );
  });

  it("never extrapolates a counter to before its zero", () => {
    // 1 → 11 in 10 s: zero lies 1 s before the first sample, nearer than the 5 s to the edge.
    const samples = at([
      [5, 1],
      [15, 11],
    ]);
    expect(extrapolatedRate(samples, { end: 20_000, rangeMs: 20_000 }, false)).toBeCloseTo(
      (10 * (10 + 1 + 5)) / 10,
      12,
    );
  });

  it("adds back the value before a reset, so a restart is not a change of its own", () => {
    // 5 → 8, restart, 2 → 4: 3 + 2 (from 2 to 4) + 2 (0 to 2 after the restart) = 7 raw.
    const samples = at([
      [0, 5],
      [10, 8],
      [20, 2],
      [30, 4],
    ]);
    expect(extrapolatedRate(samples, { end: 30_000, rangeMs: 30_000 }, false)).toBe(7);
  });
});
