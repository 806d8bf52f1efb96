import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildHistory } from "./build-history";
import { downsample } from "./downsample";
import type { HistoryPoint } from "./history-point";

const point = (t: number, latencyMs: number, reachable = true): HistoryPoint => ({
  t,
  leaderId: "a",
  raftTerm: 2,
  members: { a: { reachable, latencyMs, dbSizeBytes: t } },
});

describe("downsample", () => {
  it("keeps one point per step with the last values and the worst latency", () => {
    const out = downsample([point(0, 5), point(400, 90), point(900, 3), point(1000, 1)], 1000);
    expect(out).toHaveLength(2);
    expect(out[0]?.members.a).toEqual({ reachable: true, latencyMs: 90, dbSizeBytes: 900 });
    expect(out[1]?.t).toBe(1000);
  });

  it("marks a bucket unreachable if the member was down at any point in it", () => {
    const out = downsample([point(0, 5), point(100, 5, false), point(200, 5)], 1000);
    expect(out[0]?.members.a?.reachable).toBe(false);
  });

  it("never returns more points than buckets, nor more than it was given", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 3_600_000 }), { maxLength: 500 })
          .map((ts) => ts.sort((a, b) => a - b)),
        fc.integer({ min: 1000, max: 60_000 }),
        (ts, step) => {
          const out = downsample(
            ts.map((t) => point(t, 1)),
            step,
          );
          expect(out.length).toBeLessThanOrEqual(ts.length);
          expect(out.length).toBeLessThanOrEqual(Math.floor(3_600_000 / step) + 1);
        },
      ),
    );
  });
});

describe("buildHistory", () => {
  it("cuts the window and fits an hour at 1 s into the requested points", () => {
    const now = 10_000_000;
    const points = Array.from({ length: 7200 }, (_, i) => point(now - 7_200_000 + i * 1000, 1));
    const h = buildHistory({
      clusterId: "d",
      history: points,
      members: [],
      window: "1h",
      maxPoints: 600,
      now,
    });
    expect(h.stepMs).toBe(6000);
    expect(h.columns.t.length).toBeLessThanOrEqual(601);
    expect(h.columns.t[0]).toBeGreaterThanOrEqual(now - 3_600_000);
  });
});
