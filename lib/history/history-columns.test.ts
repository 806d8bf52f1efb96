import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticHistory } from "../../e2e/synthetic-cluster";
import { compact, fromColumns, historyColumnsSchema, toColumns } from "./history-columns";
import type { HistoryPoint } from "./history-point";

const pointArb = fc.record({
  t: fc.integer({ min: 0, max: 1e13 }),
  leaderId: fc.option(fc.constantFrom("a", "b"), { nil: null }),
  raftTerm: fc.option(fc.nat(100), { nil: null }),
  members: fc.dictionary(
    fc.constantFrom("a", "b", "c"),
    fc.record(
      {
        reachable: fc.boolean(),
        latencyMs: fc.integer({ min: 0, max: 5000 }),
        dbSizeBytes: fc.nat(),
        walFsyncP99Seconds: fc.constantFrom(0.001, 0.0125, 2),
      },
      { requiredKeys: ["reachable"] },
    ),
  ),
});

describe("compact", () => {
  it("keeps six significant digits as toPrecision(6) does, integers exact, and large values whole", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), (v) => {
        if (Math.abs(v) >= 1e5) return;
        expect(compact(v)).toBe(Number.isInteger(v) ? v : Number(v.toPrecision(6)));
      }),
      { numRuns: 5000 },
    );
    expect(compact(0.0012345678)).toBe(0.00123457);
    expect(compact(1_234_567.891)).toBe(1_234_568);
    expect(compact(2 ** 60)).toBe(2 ** 60);
    expect(compact(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("history in columns", () => {
  it("round-trips any points, and passes its own schema", () => {
    fc.assert(
      fc.property(fc.array(pointArb, { maxLength: 30 }), (points: HistoryPoint[]) => {
        const columns = toColumns(points);
        expect(historyColumnsSchema.parse(columns)).toEqual(columns);
        expect(fromColumns(columns)).toEqual(points);
      }),
    );
  });

  it("is about a fifth of the same hour as objects, for five members", () => {
    const points = syntheticHistory(Date.now(), 3600).filter((_, i) => i % 7 === 0);
    const rows = JSON.stringify(points).length;
    const columns = JSON.stringify(toColumns(points)).length;
    expect(columns / rows).toBeLessThan(0.3);
  });

  it("names what is wrong with columns of different lengths or an unknown field", () => {
    const bad = { t: [1, 2], leaderId: [null], raftTerm: [1, 2], members: {} };
    expect(historyColumnsSchema.safeParse(bad).error?.issues[0]).toMatchObject({
      path: ["leaderId"],
      message: "expected 2 values, got 1",
    });
    const unknown = {
      t: [1],
      leaderId: [null],
      raftTerm: [null],
      members: { a: { reachable: [1], fields: { nonsense: [1] } } },
    };
    expect(historyColumnsSchema.safeParse(unknown).success).toBe(false);
  });
});
