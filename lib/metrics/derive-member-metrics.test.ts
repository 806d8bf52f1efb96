import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveMemberMetrics } from "./derive-member-metrics";
import type { Histogram, MetricsSample } from "./metrics-sample";

const INF = Number.POSITIVE_INFINITY;
// etcd 3.4's wal fsync and backend commit bounds, in seconds.
const DISK_BOUNDS = [0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024];
const PEER = "29cac1eaf16d269c";
const OTHER_PEER = "fab3b170231683e6";

/** A histogram from how many observations fell in each bucket (not cumulative), +Inf last. */
function makeHistogram(perBucket: number[], bounds: number[] = DISK_BOUNDS): Histogram {
  let count = 0;
  const buckets = [...bounds, INF].map((le, i) => {
    count += perBucket[i] ?? 0;
    return { le, count };
  });
  return { buckets, sum: 0, count };
}

function makeSample(overrides: Partial<MetricsSample> = {}): MetricsSample {
  return {
    scrapedAt: 1_700_000_000_000,
    hasLeader: 1,
    leaderChangesSeenTotal: 1,
    proposalsCommittedTotal: 1000,
    proposalsAppliedTotal: 998,
    proposalsPending: 2,
    proposalsFailedTotal: 3,
    walFsyncDuration: makeHistogram([900, 100]),
    backendCommitDuration: makeHistogram([500, 400, 100]),
    peerRoundTripTime: {},
    dbTotalSizeBytes: 40960,
    dbInUseBytes: 24576,
    quotaBackendBytes: 2147483648,
    grpcStartedTotal: 500,
    grpcFailedTotal: 10,
    residentMemoryBytes: 30_000_000,
    ...overrides,
  };
}

/** The same member 10 seconds later, with the given changes. */
function later(prev: MetricsSample, overrides: Partial<MetricsSample>): MetricsSample {
  return { ...prev, scrapedAt: prev.scrapedAt + 10_000, ...overrides };
}

describe("deriveMemberMetrics", () => {
  it("copies gauges and totals, and leaves rates and p99s out on the first scrape", () => {
    const m = deriveMemberMetrics(undefined, makeSample());
    expect(m).toMatchObject({
      scrapedAt: 1_700_000_000_000,
      hasLeader: true,
      leaderChangesSeenTotal: 1,
      proposalsCommittedTotal: 1000,
      proposalsAppliedTotal: 998,
      proposalsPending: 2,
      proposalsFailedTotal: 3,
      dbTotalSizeBytes: 40960,
      dbInUseBytes: 24576,
      quotaBackendBytes: 2147483648,
      grpcRequestsTotal: 500,
      grpcFailedTotal: 10,
      residentMemoryBytes: 30_000_000,
      peerRoundTripP99Seconds: {},
    });
    for (const key of [
      "proposalsCommittedRate",
      "proposalsAppliedRate",
      "proposalsFailedRate",
      "grpcRequestRate",
      "grpcFailedRate",
      "walFsyncP99Seconds",
      "backendCommitP99Seconds",
    ] as const) {
      expect(m[key], key).toBeUndefined();
    }
  });

  it("reports has_leader 0 as no leader, and an absent series as unknown", () => {
    expect(deriveMemberMetrics(undefined, makeSample({ hasLeader: 0 })).hasLeader).toBe(false);
    expect(
      deriveMemberMetrics(undefined, makeSample({ hasLeader: undefined })).hasLeader,
    ).toBeUndefined();
  });

  it("turns counter increases into per-second rates over the scrape interval", () => {
    const prev = makeSample();
    const next = later(prev, {
      proposalsCommittedTotal: 1050,
      proposalsAppliedTotal: 1048,
      proposalsFailedTotal: 4,
      grpcStartedTotal: 800,
      grpcFailedTotal: 15,
    });
    expect(deriveMemberMetrics(prev, next)).toMatchObject({
      proposalsCommittedRate: 5,
      proposalsAppliedRate: 5,
      proposalsFailedRate: 0.1,
      grpcRequestRate: 30,
      grpcFailedRate: 0.5,
    });
  });

  it("takes a counter's new value as its increase after a restart", () => {
    const prev = makeSample({ proposalsFailedTotal: 120, grpcStartedTotal: 5000 });
    const next = later(prev, { proposalsFailedTotal: 0.5, grpcStartedTotal: 40 });
    const m = deriveMemberMetrics(prev, next);
    expect(m.proposalsFailedRate).toBe(0.05);
    expect(m.grpcRequestRate).toBe(4);
  });

  it("gives no rates or p99s when the scrapes are not in time order", () => {
    const earlier = makeSample();
    const newer = later(earlier, {
      proposalsCommittedTotal: 2000,
      walFsyncDuration: makeHistogram([1000, 100]),
    });
    // Read as a restart, the swapped pair would report newer's whole lifetime as an interval.
    const swapped = deriveMemberMetrics(newer, earlier);
    expect(swapped.proposalsCommittedRate).toBeUndefined();
    expect(swapped.walFsyncP99Seconds).toBeUndefined();
    const sameInstant = deriveMemberMetrics(earlier, { ...newer, scrapedAt: earlier.scrapedAt });
    expect(sameInstant.proposalsCommittedRate).toBeUndefined();
    expect(sameInstant.walFsyncP99Seconds).toBeUndefined();
  });

  it("computes p99 from the interval's observations, not the process's lifetime", () => {
    // A million fast fsyncs before; a hundred slow ones (in (0.256, 0.512]) since.
    const prev = makeSample({ walFsyncDuration: makeHistogram([1_000_000]) });
    const next = later(prev, {
      walFsyncDuration: makeHistogram([1_000_000, 0, 0, 0, 0, 0, 0, 0, 0, 100]),
    });
    const p99 = deriveMemberMetrics(prev, next).walFsyncP99Seconds;
    // rank 99 of 100 in (0.256, 0.512]: 0.256 + 0.256 * 0.99
    expect(p99).toBeCloseTo(0.50944, 12);
  });

  it("leaves p99 out when nothing was observed in the interval", () => {
    const prev = makeSample();
    const m = deriveMemberMetrics(prev, later(prev, {}));
    expect(m.walFsyncP99Seconds).toBeUndefined();
    expect(m.backendCommitP99Seconds).toBeUndefined();
  });

  it("uses the new buckets alone when a histogram was reset by a restart", () => {
    const prev = makeSample({ backendCommitDuration: makeHistogram([5000, 5000]) });
    const next = later(prev, { backendCommitDuration: makeHistogram([0, 0, 10]) });
    // All ten in (0.002, 0.004]: rank 9.9 → 0.002 + 0.002 * 0.99
    expect(deriveMemberMetrics(prev, next).backendCommitP99Seconds).toBeCloseTo(0.00398, 12);
  });

  it("gives each peer its own round-trip p99, keyed by member id", () => {
    const rttBounds = [0.0001, 0.0002, 0.0004, 0.0008];
    const prev = makeSample({
      peerRoundTripTime: {
        [PEER]: makeHistogram([4], rttBounds),
        [OTHER_PEER]: makeHistogram([4], rttBounds),
      },
    });
    const next = later(prev, {
      peerRoundTripTime: {
        [PEER]: makeHistogram([4, 0, 0, 2], rttBounds),
        // Nothing new for this peer: it has no p99 this interval.
        [OTHER_PEER]: makeHistogram([4], rttBounds),
      },
    });
    expect(deriveMemberMetrics(prev, next).peerRoundTripP99Seconds).toEqual({
      [PEER]: 0.0004 + 0.0004 * 0.99,
    });
  });

  it("does not read a peer's first round-trip record, made while its process was starting", () => {
    const rttBounds = [0.05, 0.1, 0.2, 0.4];
    const steady = makeSample({
      peerRoundTripTime: { [PEER]: makeHistogram([40], rttBounds) },
    });
    // The member restarted: its first record (5 s after start) came from its own dialing.
    const restarted = later(steady, {
      peerRoundTripTime: { [PEER]: makeHistogram([0, 0, 1], rttBounds) },
    });
    expect(deriveMemberMetrics(steady, restarted).peerRoundTripP99Seconds).toEqual({});
    // A peer first probed since the last scrape (a member added, or the series not yet
    // recorded after a restart) is read from its second record on.
    const empty = makeSample({ peerRoundTripTime: {} });
    const first = later(empty, {
      peerRoundTripTime: { [PEER]: makeHistogram([0, 0, 1], rttBounds) },
    });
    expect(deriveMemberMetrics(empty, first).peerRoundTripP99Seconds).toEqual({});
    const second = later(first, {
      peerRoundTripTime: { [PEER]: makeHistogram([1, 0, 1], rttBounds) },
    });
    expect(deriveMemberMetrics(first, second).peerRoundTripP99Seconds).toEqual({
      [PEER]: 0.05 * 0.99,
    });
  });

  it("does not mistake an Object.prototype name for a peer", () => {
    const prev = makeSample({ peerRoundTripTime: { constructor: makeHistogram([0, 1]) } });
    const next = later(prev, { peerRoundTripTime: { constructor: makeHistogram([0, 4]) } });
    expect(deriveMemberMetrics(prev, next).peerRoundTripP99Seconds).toEqual({
      constructor: expect.closeTo(0.00199, 12),
    });
  });
});

const counterArb = fc.option(fc.double({ noNaN: false }), { nil: undefined });
const countersArb = fc.record({
  proposalsCommittedTotal: counterArb,
  proposalsAppliedTotal: counterArb,
  proposalsFailedTotal: counterArb,
  grpcStartedTotal: counterArb,
  grpcFailedTotal: counterArb,
});

describe("deriveMemberMetrics properties", () => {
  it("never reports a negative rate, whatever two scrapes say", () => {
    fc.assert(
      fc.property(
        countersArb,
        countersArb,
        fc.integer({ min: -60_000, max: 60_000 }),
        (before, after, elapsedMs) => {
          const prev = makeSample(before);
          const next = makeSample({ ...after, scrapedAt: prev.scrapedAt + elapsedMs });
          const m = deriveMemberMetrics(prev, next);
          const rates = [
            m.proposalsCommittedRate,
            m.proposalsAppliedRate,
            m.proposalsFailedRate,
            m.grpcRequestRate,
            m.grpcFailedRate,
          ];
          expect(rates.filter((r) => r !== undefined && !(r >= 0))).toEqual([]);
        },
      ),
    );
  });

  it("keeps every p99 within the bounds of the buckets it came from", () => {
    const perBucket = fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(perBucket, perBucket, (before, added) => {
        const prev = makeSample({ walFsyncDuration: makeHistogram(before) });
        const next = later(prev, {
          walFsyncDuration: makeHistogram(before.map((n, i) => n + (added[i] ?? 0))),
        });
        const p99 = deriveMemberMetrics(prev, next).walFsyncP99Seconds;
        if (added.every((n) => n === 0)) return p99 === undefined;
        return p99 !== undefined && p99 > 0 && p99 <= 1.024;
      }),
    );
  });
});
