import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketDeltas } from "./bucket-deltas";
import type { HistogramBucket } from "./metrics-sample";

const INF = Number.POSITIVE_INFINITY;

function buckets(...pairs: [number, number][]): HistogramBucket[] {
  return pairs.map(([le, count]) => ({ le, count }));
}

describe("bucketDeltas", () => {
  it("gives each bucket's increase over the interval", () => {
    const prev = buckets([0.001, 50], [0.01, 90], [INF, 100]);
    const next = buckets([0.001, 50], [0.01, 95], [INF, 110]);
    expect(bucketDeltas(prev, next)).toEqual(buckets([0.001, 0], [0.01, 5], [INF, 10]));
  });

  it("treats any bucket that fell as a restart and returns next as the increase", () => {
    const prev = buckets([0.001, 50], [0.01, 90], [INF, 100]);
    // Only le=0.001 fell: the process restarted and has already seen 60 observations.
    const next = buckets([0.001, 40], [0.01, 95], [INF, 160]);
    expect(bucketDeltas(prev, next)).toEqual(next);
  });

  it("treats changed bucket bounds as a restart", () => {
    const prev = buckets([0.001, 5], [INF, 10]);
    expect(bucketDeltas(prev, buckets([0.002, 6], [INF, 12]))).toEqual(
      buckets([0.002, 6], [INF, 12]),
    );
    expect(bucketDeltas(prev, buckets([0.001, 6], [0.002, 7], [INF, 12]))).toEqual(
      buckets([0.001, 6], [0.002, 7], [INF, 12]),
    );
    expect(
      bucketDeltas(buckets([0.001, 5], [0.002, 7], [INF, 10]), buckets([0.001, 6], [INF, 12])),
    ).toEqual(buckets([0.001, 6], [INF, 12]));
  });

  it("returns copies, leaving both inputs as they were", () => {
    const prev = buckets([1, 1], [INF, 2]);
    const next = buckets([1, 0], [INF, 1]);
    const result = bucketDeltas(prev, next);
    result[0] = { le: 1, count: 99 };
    expect(next).toEqual(buckets([1, 0], [INF, 1]));
    expect(prev).toEqual(buckets([1, 1], [INF, 2]));
  });
});

const cumulativeArb = fc
  .uniqueArray(fc.double({ min: 0, max: 10, noNaN: true }), {
    minLength: 1,
    maxLength: 8,
    comparator: "SameValueZero",
  })
  .chain((bounds) =>
    fc
      .array(fc.nat(100), { minLength: bounds.length + 1, maxLength: bounds.length + 1 })
      .map((increments) => {
        const les = [...bounds].sort((a, b) => a - b).concat(INF);
        let total = 0;
        return les.map((le, i) => {
          total += increments[i] ?? 0;
          return { le, count: total };
        });
      }),
  );

describe("bucketDeltas properties", () => {
  it("recovers exactly what was added when nothing was reset", () => {
    fc.assert(
      fc.property(cumulativeArb, fc.array(fc.nat(100), { maxLength: 9 }), (prev, growth) => {
        const next = prev.map((b, i) => ({ ...b, count: b.count + (growth[i] ?? 0) }));
        const deltas = bucketDeltas(prev, next);
        expect(deltas.map((d, i) => d.count + (prev[i]?.count ?? 0))).toEqual(
          next.map((b) => b.count),
        );
        expect(deltas.map((d) => d.le)).toEqual(next.map((b) => b.le));
      }),
    );
  });

  it("never gives a negative count for any pair of scrapes", () => {
    fc.assert(
      fc.property(cumulativeArb, cumulativeArb, (prev, next) => {
        expect(bucketDeltas(prev, next).every((d) => d.count >= 0)).toBe(true);
      }),
    );
  });
});
