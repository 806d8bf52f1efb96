import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extrapolatedRate } from "./promql/extrapolated-rate";
import type { ScrapedSeries } from "./scraped-series";
import { LOOKBACK_MS, TargetSeries } from "./target-series";

const NAME = "etcd_server_proposals_failed_total";
const counter = (value: number, name = NAME): ScrapedSeries[] => [{ name, labels: {}, value }];
const labels = { job: "etcd", instance: "m1" };

describe("TargetSeries", () => {
  it("keeps only the rules' inputs, labelled with job and instance", () => {
    const target = new TargetSeries("etcd", "m1");
    target.record(1000, [...counter(3), ...counter(9, "process_open_fds")]);
    expect(target.instant(NAME, 1000)).toEqual([{ labels, value: 3 }]);
    expect(target.instant("process_open_fds", 1000)).toEqual([]);
  });

  it("reads every scrape's value back from the points where it changed", () => {
    const target = new TargetSeries("etcd", "m1");
    const values = [1, 1, 1, 4, 4, 9];
    values.forEach((v, i) => {
      target.record(i * 1000, counter(v));
    });
    expect(target.range(NAME, 5000, 5000)).toEqual([
      { labels, samples: values.map((v, i) => ({ t: i * 1000, v })) },
    ]);
  });

  it("marks a failed scrape stale: up 0 and no instant value, while ranges skip it", () => {
    const target = new TargetSeries("etcd", "m1");
    target.record(1000, counter(1));
    target.record(2000, null);
    expect(target.up(2000)).toEqual([{ labels, value: 0 }]);
    expect(target.instant(NAME, 2500)).toEqual([]);
    target.record(3000, counter(2));
    expect(target.up(3000)).toEqual([{ labels, value: 1 }]);
    expect(target.range(NAME, 3000, 3000)[0]?.samples).toEqual([
      { t: 1000, v: 1 },
      { t: 3000, v: 2 },
    ]);
  });

  it("marks a series that vanished from a scrape stale", () => {
    const target = new TargetSeries("etcd", "m1");
    target.record(1000, counter(1));
    target.record(2000, []);
    expect(target.instant(NAME, 2000)).toEqual([]);
    expect(target.up(2000)).toEqual([{ labels, value: 1 }]);
  });

  it("looks back 5 minutes for an instant value, no further", () => {
    const target = new TargetSeries("etcd", "m1");
    target.record(0, counter(1));
    expect(target.instant(NAME, LOOKBACK_MS)).toHaveLength(1);
    expect(target.instant(NAME, LOOKBACK_MS + 1)).toEqual([]);
    expect(target.up(LOOKBACK_MS + 1)).toEqual([]);
  });

  it("ignores a scrape older than the last", () => {
    const target = new TargetSeries("etcd", "m1");
    target.record(2000, counter(5));
    target.record(1000, counter(1));
    expect(target.range(NAME, 2000, 2000)[0]?.samples).toEqual([{ t: 2000, v: 5 }]);
  });

  it("forgets what is older than a rule reads", () => {
    const target = new TargetSeries("etcd", "m1");
    for (let t = 0; t <= 40 * 60_000; t += 30_000) target.record(t, counter(t / 1000));
    target.prune(40 * 60_000);
    const kept = target.range(NAME, 40 * 60_000, 60 * 60_000)[0]?.samples ?? [];
    // proposals_failed is read over 15 minutes, plus the 5-minute lookback.
    expect(kept[0]?.t).toBeGreaterThanOrEqual(20 * 60_000 - 30_000);
    expect(kept.at(-1)?.t).toBe(40 * 60_000);
  });

  it("gives the same rate with its shortcut for standing series as from all samples", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.nat({ max: 5 }), fc.constant(-1)), {
          minLength: 2,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 40 }),
        (steps, windowScrapes) => {
          // -1 is a failed scrape; 0 a scrape where the counter stood still.
          const target = new TargetSeries("etcd", "m1");
          let v = 10;
          steps.forEach((d, i) => {
            if (d >= 0) v += d;
            target.record(i * 2000, d < 0 ? null : counter(v));
          });
          const end = (steps.length - 1) * 2000;
          const window = { end, rangeMs: windowScrapes * 2000 };
          const samples = target.range(NAME, end, window.rangeMs)[0]?.samples ?? [];
          const expected = extrapolatedRate(samples, window, true);
          const got = target.rates(NAME, window, true)[0]?.value;
          expect(got).toBe(expected);
        },
      ),
    );
  });

  it("gives the same gRPC rates from scrapes without their zero lines as from whole ones", () => {
    const HANDLED = "grpc_server_handled_total";
    const codes = ["Aborted", "OK", "Unavailable", "Unknown"];
    // Per scrape: null fails it, "restart" puts every counter back to 0, else each code's step.
    const step = fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant("restart" as const) },
      {
        weight: 8,
        arbitrary: fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 3 })), {
          minLength: codes.length,
          maxLength: codes.length,
        }),
      },
    );
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 2, maxLength: 120 }),
        fc.integer({ min: 1, max: 180 }),
        (steps, windowScrapes) => {
          const whole = new TargetSeries("etcd", "m1");
          const lean = new TargetSeries("etcd", "m1");
          const counts = codes.map(() => 0);
          steps.forEach((st, i) => {
            const t = i * 2000;
            if (st === null) {
              whole.record(t, null);
              lean.record(t, null);
              return;
            }
            codes.forEach((_, c) => {
              counts[c] = st === "restart" ? 0 : (counts[c] as number) + (st[c] as number);
            });
            const series = codes.map((code, c) => ({
              name: HANDLED,
              labels: { grpc_code: code },
              value: counts[c] as number,
            }));
            whole.record(t, series);
            // As the reader leaves them out: every zero line but the family's first.
            lean.record(
              t,
              series.filter((x, c) => c === 0 || x.value !== 0),
            );
            whole.prune(t);
            lean.prune(t);
          });
          const end = (steps.length - 1) * 2000;
          const window = { end, rangeMs: windowScrapes * 2000 };
          const theirs = new Map(
            whole.rates(HANDLED, window, true).map((x) => [x.labels.grpc_code, x.value]),
          );
          for (const x of lean.rates(HANDLED, window, true)) {
            expect(x.value, x.labels.grpc_code).toBe(theirs.get(x.labels.grpc_code));
            theirs.delete(x.labels.grpc_code);
          }
          // What only the whole scrapes have stood at 0 throughout.
          for (const v of theirs.values()) expect(v).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
