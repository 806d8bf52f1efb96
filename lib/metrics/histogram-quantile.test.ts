import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramQuantile } from "./histogram-quantile";
import type { HistogramBucket } from "./metrics-sample";

const INF = Number.POSITIVE_INFINITY;

/** Buckets from [le, cumulative count] pairs, as a /metrics body lists them. */
function buckets(...pairs: [number, number][]): HistogramBucket[] {
  return pairs.map(([le, count]) => ({ le, count }));
}

describe("histogramQuantile", () => {
  // le=0.001:0, 0.002:5, 0.004:10, +Inf:10 — ten observations, five in each finite bucket above 1ms.
  const fiveAndFive = buckets([0.001, 0], [0.002, 5], [0.004, 10], [INF, 10]);

  it("interpolates linearly inside the bucket that holds the rank", () => {
    // rank 5 is the top of (0.001, 0.002]: 0.001 + 0.001 * 5/5
    expect(histogramQuantile(0.5, fiveAndFive)).toBe(0.002);
    // rank 2.5 is halfway into (0.001, 0.002]
    expect(histogramQuantile(0.25, fiveAndFive)).toBeCloseTo(0.0015, 15);
    // rank 7.5 is halfway into (0.002, 0.004]
    expect(histogramQuantile(0.75, fiveAndFive)).toBeCloseTo(0.003, 15);
    // rank 9.9: 0.002 + 0.002 * 4.9/5
    expect(histogramQuantile(0.99, fiveAndFive)).toBeCloseTo(0.00396, 15);
    expect(histogramQuantile(1, fiveAndFive)).toBe(0.004);
  });

  it("answers undefined for q=0 when the lowest bucket is empty, where Prometheus gives NaN", () => {
    expect(histogramQuantile(0, fiveAndFive)).toBeUndefined();
  });

  it("returns the highest finite upper bound when the rank falls in the +Inf bucket", () => {
    const slowTail = buckets([1, 1], [2, 2], [INF, 10]);
    expect(histogramQuantile(0.5, slowTail)).toBe(2);
    expect(histogramQuantile(0.99, slowTail)).toBe(2);
  });

  it("interpolates the lowest bucket from 0 when its upper bound is positive", () => {
    expect(histogramQuantile(0.5, buckets([10, 10], [INF, 10]))).toBe(5);
    expect(histogramQuantile(0.3, buckets([0.5, 4], [1, 8], [INF, 8]))).toBeCloseTo(0.3, 15);
  });

  it("returns the lowest upper bound when that bound is not positive", () => {
    const negative = buckets([-1, 4], [1, 8], [INF, 8]);
    expect(histogramQuantile(0.25, negative)).toBe(-1);
    // rank 6 is halfway into (-1, 1]
    expect(histogramQuantile(0.75, negative)).toBe(0);
  });

  it("is undefined without observations, without a +Inf bucket, or with one bucket", () => {
    expect(histogramQuantile(0.99, [])).toBeUndefined();
    expect(histogramQuantile(0.99, buckets([0.001, 0], [INF, 0]))).toBeUndefined();
    expect(histogramQuantile(0.99, buckets([0.001, 3], [0.002, 5]))).toBeUndefined();
    expect(histogramQuantile(0.99, buckets([INF, 5]))).toBeUndefined();
    expect(histogramQuantile(Number.NaN, fiveAndFive)).toBeUndefined();
  });

  it("answers -Inf below q=0 and +Inf above q=1, as Prometheus does", () => {
    expect(histogramQuantile(-0.1, fiveAndFive)).toBe(Number.NEGATIVE_INFINITY);
    expect(histogramQuantile(1.1, fiveAndFive)).toBe(INF);
  });

  it("sorts buckets by bound and adds up buckets that share one", () => {
    const shuffled = buckets([INF, 10], [0.004, 10], [0.001, 0], [0.002, 5]);
    expect(histogramQuantile(0.5, shuffled)).toBe(0.002);
    // Two series summed without `sum by (le)`: le=1 appears twice.
    const split = buckets([1, 2], [1, 2], [2, 8], [INF, 8]);
    expect(histogramQuantile(0.25, split)).toBe(0.5);
  });

  it("flattens a decrease between buckets to the envelope before searching", () => {
    // Envelope 5,5,8,8: rank 6 lands in (2,3] at 1/3; the raw counts would give 2.6.
    const dented = buckets([1, 5], [2, 3], [3, 8], [INF, 8]);
    expect(histogramQuantile(0.75, dented)).toBeCloseTo(2 + 1 / 3, 15);
    expect(histogramQuantile(0.5, dented)).toBe(0.8);
  });

  it("ignores floating-point-sized differences between neighbouring buckets", () => {
    // 1e13 and 1e13+1 differ by 5e-14 relatively: Prometheus treats them as equal, so every
    // observation is in le=1. Taken literally the last one would be in (1,2] and q=1 would be 2.
    const noisy = buckets([1, 1e13], [2, 1e13 + 1], [INF, 1e13 + 1]);
    expect(histogramQuantile(1, noisy)).toBe(1);
  });

  it("does not modify the buckets it is given", () => {
    const dented = buckets([2, 3], [1, 5], [INF, 8]);
    const copy = structuredClone(dented);
    histogramQuantile(0.5, dented);
    expect(dented).toEqual(copy);
  });
});

// Finite, strictly increasing bounds with cumulative (non-decreasing) integer counts and a
// +Inf bucket on top, like a real scrape.
const histogramArb = fc
  .uniqueArray(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 10 })
  .chain((bounds) =>
    fc
      .tuple(
        fc.array(fc.nat(1000), { minLength: bounds.length, maxLength: bounds.length }),
        fc.nat(1000),
      )
      .map(([increments, infIncrement]) => {
        const sorted = [...bounds].sort((a, b) => a - b);
        let total = 0;
        const finite = sorted.map((le, i) => {
          total += increments[i] ?? 0;
          return { le, count: total };
        });
        return [...finite, { le: INF, count: total + infIncrement }];
      }),
  );

// Interpolation can overshoot a bound by an ulp or so; allow a relative hair.
function tolerance(h: HistogramBucket[]): number {
  return 1e-9 * Math.max(1, ...h.filter((b) => b.le !== INF).map((b) => Math.abs(b.le)));
}

describe("histogramQuantile properties", () => {
  it("lies within the bucket that holds the rank", () => {
    fc.assert(
      fc.property(histogramArb, fc.double({ min: 0, max: 1, noNaN: true }), (h, q) => {
        const value = histogramQuantile(q, h);
        const total = h.at(-1)?.count ?? 0;
        if (total === 0) return value === undefined;
        if (value === undefined) return q * total === 0;
        const finite = h.slice(0, -1);
        const rank = q * total;
        const holder = finite.findIndex((b) => b.count >= rank);
        const highest = finite.at(-1)?.le ?? Number.NaN;
        if (holder === -1) return value === highest;
        const upper = finite[holder]?.le ?? Number.NaN;
        const first = finite[0]?.le ?? Number.NaN;
        const lower = holder > 0 ? (finite[holder - 1]?.le ?? Number.NaN) : Math.min(0, first);
        const eps = tolerance(h);
        return value >= lower - eps && value <= upper + eps;
      }),
    );
  });

  it("never decreases as q grows", () => {
    fc.assert(
      fc.property(
        histogramArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (h, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const low = histogramQuantile(lo, h);
          const high = histogramQuantile(hi, h);
          if (low === undefined || high === undefined) return true;
          return low <= high + tolerance(h);
        },
      ),
    );
  });

  it("answers for non-monotonic counts as it would for their running maximum", () => {
    fc.assert(
      fc.property(
        histogramArb,
        fc.array(fc.nat(1000), { maxLength: 11 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (h, jitter, q) => {
          const dented = h.map((b, i) => ({
            ...b,
            count: Math.max(0, b.count - (jitter[i] ?? 0)),
          }));
          let max = 0;
          const envelope = dented.map((b) => {
            max = Math.max(max, b.count);
            return { ...b, count: max };
          });
          expect(histogramQuantile(q, dented)).toBe(histogramQuantile(q, envelope));
        },
      ),
    );
  });

  it("does not depend on the order the buckets arrive in", () => {
    fc.assert(
      fc.property(
        histogramArb.chain((h) =>
          fc.tuple(fc.constant(h), fc.shuffledSubarray(h, { minLength: h.length })),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([h, shuffled], q) => {
          expect(histogramQuantile(q, shuffled)).toBe(histogramQuantile(q, h));
        },
      ),
    );
  });
});
