import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { downsample } from "./downsample";
import { toColumns } from "./history-columns";
import type { HistoryPoint, MemberSample } from "./history-point";
import { HistoryRing } from "./history-ring";

const sample = fc.record(
  {
    reachable: fc.boolean(),
    latencyMs: fc.double({ min: 0, max: 5000, noNaN: true }),
    raftIndex: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    dbSizeBytes: fc.integer({ min: 0, max: 8 * 2 ** 30 }),
    walFsyncP99Seconds: fc.double({ min: 0, max: 10, noNaN: true }),
  },
  { requiredKeys: ["reachable"] },
);

const point = fc.record({
  t: fc.integer({ min: 0, max: 2 ** 42 }),
  leaderId: fc.constantFrom(null, "a", "b"),
  raftTerm: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }),
  members: fc.dictionary(fc.constantFrom("a", "b", "c", "d"), sample, { maxKeys: 4 }),
}) as fc.Arbitrary<HistoryPoint>;

const at = (t: number, members: Record<string, Partial<MemberSample>>): HistoryPoint => ({
  t,
  leaderId: "a",
  raftTerm: 3,
  members: members as Record<string, MemberSample>,
});

describe("HistoryRing", () => {
  it("keeps the newest `capacity` points exactly, oldest first, across growth and wrapping", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(point, { maxLength: 400 }),
        (capacity, points) => {
          const ring = new HistoryRing(capacity);
          for (const p of points) ring.push(p);
          expect(ring.toArray()).toEqual(points.slice(-capacity));
          expect(ring.length).toBe(Math.min(capacity, points.length));
          expect(ring.lastTime()).toBe(points.at(-1)?.t);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers in columns, a step at a time, exactly as the points downsampled and turned into columns", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(point, { maxLength: 200 }),
        fc.integer({ min: 0, max: 2 ** 42 }),
        fc.constantFrom(0, 1000, 7000, 60_000, 2 ** 40),
        (capacity, points, since, stepMs) => {
          const ring = new HistoryRing(capacity);
          for (const p of points) ring.push(p);
          for (const from of [Number.NEGATIVE_INFINITY, since]) {
            expect(ring.columns(from, stepMs)).toEqual(
              toColumns(downsample(ring.toArray(from), stepMs)),
            );
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it("replaces the newest point in place, clearing what the new one does not hold", () => {
    const ring = new HistoryRing(2);
    ring.replaceLast(at(1, { a: { reachable: true, latencyMs: 1 } }));
    ring.push(at(2, { a: { reachable: true, latencyMs: 2 } }));
    ring.push(at(3, { a: { reachable: true, latencyMs: 3 } }));
    ring.replaceLast(at(4, { b: { reachable: false } }));
    expect(ring.toArray()).toEqual([
      at(2, { a: { reachable: true, latencyMs: 2 } }),
      at(4, { b: { reachable: false } }),
    ]);
  });

  it("reads back a field that is not a finite number as unknown", () => {
    const ring = new HistoryRing(4);
    ring.push(at(1, { a: { reachable: true, latencyMs: Number.POSITIVE_INFINITY, raftIndex: 9 } }));
    expect(ring.toArray()[0]?.members).toEqual({ a: { reachable: true, raftIndex: 9 } });
  });

  it("answers the points from a time on", () => {
    const ring = new HistoryRing(10);
    for (let t = 1; t <= 6; t++) ring.push(at(t * 1000, { a: { reachable: true } }));
    expect(ring.toArray(4000).map((p) => p.t)).toEqual([4000, 5000, 6000]);
  });

  it("forgets a member once no kept point holds it", () => {
    const ring = new HistoryRing(3);
    ring.push(at(1, { gone: { reachable: true, latencyMs: 1 } }));
    for (let t = 2; t <= 7; t++) ring.push(at(t, { a: { reachable: true } }));
    const kept = (ring as unknown as { members: Map<string, unknown> }).members;
    expect([...kept.keys()]).toEqual(["a"]);
    expect(ring.toArray().map((p) => Object.keys(p.members))).toEqual([["a"], ["a"], ["a"]]);
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new HistoryRing(0)).toThrow(/positive integer, got 0/);
    expect(() => new HistoryRing(1.5)).toThrow(/positive integer, got 1.5/);
  });
});
