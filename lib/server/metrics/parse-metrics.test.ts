import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveMemberMetrics } from "../../metrics/derive-member-metrics";
import { MetricsParseError } from "../../metrics/metrics-parse-error";
import type { Histogram, MetricsSample } from "../../metrics/metrics-sample";
import { type EtcdCaptureName, etcdCaptureNames, loadEtcdCapture } from "./fixtures/etcd-captures";
import { parseMetricsText } from "./parse-metrics";

const INF = Number.POSITIVE_INFINITY;
const LEADER = "5ac5478f953cb768";
const FOLLOWER = "29cac1eaf16d269c";
const THIRD = "fab3b170231683e6";

function parseCapture(name: EtcdCaptureName): MetricsSample {
  const { text, scrapedAt } = loadEtcdCapture(name);
  return parseMetricsText(text, scrapedAt);
}

function expectWellFormed(h: Histogram | undefined): void {
  expect(h).toBeDefined();
  const buckets = h?.buckets ?? [];
  expect(buckets.at(-1)).toEqual({ le: INF, count: h?.count });
  for (const [i, b] of buckets.entries()) {
    const before = buckets[i - 1];
    if (before) {
      expect(b.le).toBeGreaterThan(before.le);
      expect(b.count).toBeGreaterThanOrEqual(before.count);
    }
  }
}

describe("parseMetricsText on captured etcd 3.4 scrapes", () => {
  const names = etcdCaptureNames;

  it.each(names)("%s: finds every series Raftscope reads", (name) => {
    const sample = parseCapture(name);
    expect(sample.scrapedAt).toBe(loadEtcdCapture(name).scrapedAt);
    expect(sample.hasLeader).toBe(1);
    expect(sample.quotaBackendBytes).toBe(2147483648);
    expect(sample.dbTotalSizeBytes).toBeGreaterThan(0);
    expect(sample.dbInUseBytes).toBeGreaterThan(0);
    expect(sample.dbInUseBytes).toBeLessThanOrEqual(sample.dbTotalSizeBytes ?? 0);
    expect(sample.leaderChangesSeenTotal).toBe(1);
    expect(sample.proposalsCommittedTotal).toBeGreaterThan(0);
    expect(sample.proposalsAppliedTotal).toBeLessThanOrEqual(sample.proposalsCommittedTotal ?? 0);
    expect(sample.proposalsPending).toBe(0);
    expect(sample.proposalsFailedTotal).toBe(0);
    expect(sample.grpcStartedTotal).toBeGreaterThan(0);
    expect(sample.grpcFailedTotal).toBe(0);
    expect(sample.residentMemoryBytes).toBeGreaterThan(1_000_000);
    expect(sample.residentMemoryBytes).toBeGreaterThan(0);
    expectWellFormed(sample.walFsyncDuration);
    expectWellFormed(sample.backendCommitDuration);
    // etcd 3.4's fsync and commit buckets: 1 ms doubling to 8.192 s.
    expect(sample.walFsyncDuration?.buckets.map((b) => b.le)).toEqual([
      0.001,
      0.002,
      0.004,
      0.008,
      0.016,
      0.032,
      0.064,
      0.128,
      0.256,
      0.512,
      1.024,
      2.048,
      4.096,
      8.192,
      INF,
    ]);
  });

  it("reads exact values from the first single-member scrape", () => {
    const sample = parseCapture("single-a");
    expect(sample).toMatchObject({
      proposalsCommittedTotal: 136,
      proposalsAppliedTotal: 136,
      dbTotalSizeBytes: 40960,
      residentMemoryBytes: 29659136,
      peerRoundTripTime: {},
    });
    expect(sample.walFsyncDuration?.count).toBe(138);
  });

  it("keys peer round-trip histograms by the other members' ids", () => {
    const leader = parseCapture("leader-b");
    expect(Object.keys(leader.peerRoundTripTime).sort()).toEqual([FOLLOWER, THIRD]);
    const follower = parseCapture("follower-b");
    expect(Object.keys(follower.peerRoundTripTime).sort()).toEqual([LEADER, THIRD]);
    const toFollower = leader.peerRoundTripTime[FOLLOWER];
    expectWellFormed(toFollower);
    expect(toFollower?.count).toBe(6);
    expect(toFollower?.sum).toBe(0.0038540930000000003);
    expect(toFollower?.buckets.slice(0, 5)).toEqual([
      { le: 0.0001, count: 1 },
      { le: 0.0002, count: 2 },
      { le: 0.0004, count: 2 },
      { le: 0.0008, count: 3 },
      { le: 0.0016, count: 6 },
    ]);
    // Not merged with the other peer's series, which a le-keyed parse would do.
    expect(leader.peerRoundTripTime[THIRD]?.buckets[0]).toEqual({ le: 0.0001, count: 2 });
  });
});

describe("deriveMemberMetrics over captured scrapes", () => {
  it("gives plausible rates and latencies on a single member", () => {
    const m = deriveMemberMetrics(parseCapture("single-a"), parseCapture("single-b"));
    // 103 proposals in 4.207 s.
    expect(m.proposalsCommittedRate).toBeCloseTo(103 / 4.207, 9);
    expect(m.proposalsAppliedRate).toBe(m.proposalsCommittedRate);
    expect(m.proposalsFailedRate).toBe(0);
    expect(m.grpcRequestRate).toBeGreaterThan(10);
    expect(m.grpcFailedRate).toBe(0);
    expect(m.hasLeader).toBe(true);
    expect(m.quotaBackendBytes).toBe(2147483648);
    expect(m.walFsyncP99Seconds).toBeGreaterThan(0);
    expect(m.walFsyncP99Seconds).toBeLessThan(1);
    expect(m.backendCommitP99Seconds).toBeGreaterThan(0);
    expect(m.backendCommitP99Seconds).toBeLessThan(1);
    expect(m.peerRoundTripP99Seconds).toEqual({});
  });

  it("gives the leader a round-trip p99 to each follower", () => {
    const m = deriveMemberMetrics(parseCapture("leader-a"), parseCapture("leader-b"));
    expect(Object.keys(m.peerRoundTripP99Seconds).sort()).toEqual([FOLLOWER, THIRD]);
    for (const p99 of Object.values(m.peerRoundTripP99Seconds)) {
      expect(p99).toBeGreaterThan(0);
      expect(p99).toBeLessThan(0.1);
    }
    // Two new probes to the follower, one in (0.0004, 0.0008] and one in (0.0008, 0.0016]:
    // rank 1.98 is 0.98 of the way through the upper one.
    expect(m.peerRoundTripP99Seconds[FOLLOWER]).toBeCloseTo(0.0008 + 0.0008 * 0.98, 12);
  });

  it("treats counters that restarted with the member as reset, never negative", () => {
    const before = parseCapture("follower-b");
    const after = parseCapture("follower-restarted");
    // The restart really did reset these.
    expect(after.grpcStartedTotal).toBeLessThan(before.grpcStartedTotal ?? 0);
    expect(after.walFsyncDuration?.count).toBeLessThan(before.walFsyncDuration?.count ?? 0);
    const seconds = (after.scrapedAt - before.scrapedAt) / 1000;
    const m = deriveMemberMetrics(before, after);
    expect(m.grpcRequestRate).toBeCloseTo((after.grpcStartedTotal ?? 0) / seconds, 12);
    expect(m.walFsyncP99Seconds).toBeGreaterThan(0);
    // etcd 3.4's proposals "totals" are raft-index gauges: they carried on across the restart.
    expect(after.proposalsCommittedTotal).toBeGreaterThan(before.proposalsCommittedTotal ?? 0);
    expect(m.proposalsCommittedRate).toBeCloseTo(21 / seconds, 12);
  });
});

describe("parseMetricsText", () => {
  it("leaves series this etcd does not expose undefined", () => {
    const sample = parseMetricsText("etcd_server_has_leader 0\n", 5);
    expect(sample).toEqual({ scrapedAt: 5, hasLeader: 0, peerRoundTripTime: {} });
  });

  it("falls back to the etcd_debugging_ database size of older etcd", () => {
    expect(
      parseMetricsText("etcd_debugging_mvcc_db_total_size_in_bytes 8192\n", 0).dbTotalSizeBytes,
    ).toBe(8192);
    const both =
      "etcd_debugging_mvcc_db_total_size_in_bytes 1\netcd_mvcc_db_total_size_in_bytes 2\n";
    expect(parseMetricsText(both, 0).dbTotalSizeBytes).toBe(2);
  });

  it("adds gRPC requests over all methods and counts failures by the etcd mixin's codes", () => {
    const text = [
      'grpc_server_started_total{grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"} 10',
      'grpc_server_started_total{grpc_method="Put",grpc_service="etcdserverpb.KV",grpc_type="unary"} 5',
      'grpc_server_handled_total{grpc_code="OK",grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"} 9',
      'grpc_server_handled_total{grpc_code="Unavailable",grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"} 1',
      'grpc_server_handled_total{grpc_code="OK",grpc_method="Put",grpc_service="etcdserverpb.KV",grpc_type="unary"} 2',
      'grpc_server_handled_total{grpc_code="DeadlineExceeded",grpc_method="Put",grpc_service="etcdserverpb.KV",grpc_type="unary"} 3',
      'grpc_server_handled_total{grpc_code="Canceled",grpc_method="Watch",grpc_service="etcdserverpb.Watch",grpc_type="bidi_stream"} 7',
    ].join("\n");
    expect(parseMetricsText(text, 0)).toMatchObject({ grpcStartedTotal: 15, grpcFailedTotal: 4 });
  });

  it("lowercases peer ids and rejects a To label that is not a member id", () => {
    const rtt = (to: string) =>
      [
        `etcd_network_peer_round_trip_time_seconds_bucket{To="${to}",le="+Inf"} 1`,
        `etcd_network_peer_round_trip_time_seconds_sum{To="${to}"} 0.001`,
        `etcd_network_peer_round_trip_time_seconds_count{To="${to}"} 1`,
      ].join("\n");
    expect(Object.keys(parseMetricsText(rtt("8E9E05C52164694D"), 0).peerRoundTripTime)).toEqual([
      "8e9e05c52164694d",
    ]);
    expect(() => parseMetricsText(rtt("__proto__"), 0)).toThrow(
      /etcd_network_peer_round_trip_time_seconds has To="__proto__", not a hex member id/,
    );
  });

  it("reads only the families of the metric table, and still rejects a body of another kind", () => {
    // A family Raftscope does not read is skipped unparsed, even with labels the parser rejects.
    const text =
      'etcd_debugging_store_reads_total{action="get",bad-label="x"} 1\netcd_server_has_leader 1\n';
    expect(parseMetricsText(text, 0)).toEqual({
      scrapedAt: 0,
      hasLeader: 1,
      peerRoundTripTime: {},
    });
    expect(() => parseMetricsText("etcd_server_has_leader 1\nnot prometheus at all!\n", 0)).toThrow(
      /Not Prometheus text: "not prometheus at all!"/,
    );
  });

  it("throws MetricsParseError with code METRICS_PARSE on a broken body", () => {
    const broken = 'etcd_disk_wal_fsync_duration_seconds_bucket{le="0.001"} 1\n';
    expect(() => parseMetricsText(broken, 0)).toThrow(MetricsParseError);
    try {
      parseMetricsText(broken, 0);
    } catch (err) {
      expect(err).toMatchObject({
        code: "METRICS_PARSE",
        message: "etcd_disk_wal_fsync_duration_seconds has no +Inf bucket",
      });
    }
    expect(() => parseMetricsText("<html>502 Bad Gateway</html>", 0)).toThrow(MetricsParseError);
  });
});

// A body as an exporter could write it: numbers in either notation, HELP and TYPE lines or
// not, peer ids in either case. The property shuffles its lines.
const RTT_BOUNDS = [0.0001, 0.0002, 0.0004];
const hexId = fc.stringMatching(/^[0-9a-f]{1,16}$/);
const bodyArb = fc.record({
  hasLeader: fc.constantFrom(0, 1),
  committed: fc.nat(),
  quota: fc.double({ min: 1, max: 1e13, noNaN: true }),
  started: fc.uniqueArray(fc.tuple(fc.constantFrom("Range", "Put", "Txn", "Watch"), fc.nat(1e6)), {
    selector: ([method]) => method,
  }),
  handled: fc.uniqueArray(
    fc.tuple(fc.constantFrom("OK", "Unavailable", "Canceled", "NotFound"), fc.nat(1e6)),
    { selector: ([code]) => code },
  ),
  peers: fc.uniqueArray(
    fc.tuple(hexId, fc.array(fc.nat(50), { minLength: 4, maxLength: 4 }), fc.boolean()),
    { selector: ([id]) => id, maxLength: 4 },
  ),
  exponent: fc.boolean(),
  comments: fc.boolean(),
});
type Body = typeof bodyArb extends fc.Arbitrary<infer T> ? T : never;

const MIXIN_FAILURE_CODES = [
  "Unknown",
  "FailedPrecondition",
  "ResourceExhausted",
  "Internal",
  "Unavailable",
  "DataLoss",
  "DeadlineExceeded",
];

function cumulative(perBucket: number[]): number[] {
  const out: number[] = [];
  for (const n of perBucket) out.push((out.at(-1) ?? 0) + n);
  return out;
}

function renderBody(body: Body): string[] {
  const num = (v: number) => (body.exponent ? v.toExponential() : String(v));
  const rtt = "etcd_network_peer_round_trip_time_seconds";
  return [
    `etcd_server_has_leader ${num(body.hasLeader)}`,
    `etcd_server_proposals_committed_total ${num(body.committed)}`,
    `etcd_server_quota_backend_bytes ${num(body.quota)}`,
    ...body.started.map(([m, v]) => `grpc_server_started_total{grpc_method="${m}"} ${num(v)}`),
    ...body.handled.map(([c, v]) => `grpc_server_handled_total{grpc_code="${c}"} ${num(v)}`),
    ...body.peers.flatMap(([id, perBucket, upper]) => {
      const to = upper ? id.toUpperCase() : id;
      const counts = cumulative(perBucket);
      return [
        ...[...RTT_BOUNDS, "+Inf"].map(
          (le, i) => `${rtt}_bucket{le="${le}",To="${to}"} ${num(counts[i] ?? 0)}`,
        ),
        `${rtt}_sum{To="${to}"} 0`,
        `${rtt}_count{To="${to}"} ${num(counts.at(-1) ?? 0)}`,
      ];
    }),
    ...(body.comments
      ? ["# HELP etcd_server_has_leader Whether or not a leader exists.", `# TYPE ${rtt} histogram`]
      : []),
  ];
}

describe("parseMetricsText properties", () => {
  it("reads back what an exporter wrote, in any line order", () => {
    const shuffledBody = bodyArb.chain((body) => {
      const lines = renderBody(body);
      return fc.tuple(fc.constant(body), fc.shuffledSubarray(lines, { minLength: lines.length }));
    });
    fc.assert(
      fc.property(shuffledBody, ([body, lines]) => {
        const sample = parseMetricsText(lines.join("\n"), 42);
        const sumOf = (pairs: [string, number][]) => pairs.reduce((acc, [, v]) => acc + v, 0);
        expect(sample.hasLeader).toBe(body.hasLeader);
        expect(sample.proposalsCommittedTotal).toBe(body.committed);
        expect(sample.quotaBackendBytes).toBe(body.quota);
        expect(sample.grpcStartedTotal).toBe(body.started.length ? sumOf(body.started) : undefined);
        // Exposed with only OK series means no failures, not unknown.
        const failed = body.handled.filter(([code]) => MIXIN_FAILURE_CODES.includes(code));
        expect(sample.grpcFailedTotal).toBe(body.handled.length ? sumOf(failed) : undefined);
        expect(Object.keys(sample.peerRoundTripTime).sort()).toEqual(
          body.peers.map(([id]) => id).sort(),
        );
        for (const [id, perBucket] of body.peers) {
          const counts = cumulative(perBucket);
          expect(sample.peerRoundTripTime[id]).toEqual({
            buckets: [...RTT_BOUNDS, INF].map((le, i) => ({ le, count: counts[i] })),
            sum: 0,
            count: counts.at(-1),
          });
        }
      }),
    );
  });
});

describe("diagnosis series on captured etcd 3.4 scrapes", () => {
  it("reads the cluster version, process start time, defragmentation and snapshot series", () => {
    const s = parseCapture("leader-a");
    expect(s.clusterVersion).toBe("3.4");
    expect(s.processStartTimeSeconds).toBe(1795480281.25);
    expect(s.defragInflight).toBe(0);
    expect(s.defragCount).toBe(0);
    expect(s.defragSumSeconds).toBe(0);
    expect(s.snapshotSavesTotal).toBe(0);
    // 3.4 has no etcd_server_feature_enabled and no MoveLeader call was made.
    expect(s.featuresEnabled).toBeUndefined();
    expect(s.moveLeaderTotal).toBe(0);
  });

  it("sees a restart as a new process start time", () => {
    const before = parseCapture("follower-b").processStartTimeSeconds ?? 0;
    const after = parseCapture("follower-restarted").processStartTimeSeconds ?? 0;
    expect(after).toBeGreaterThan(before);
  });

  it("reads feature gates and MoveLeader answers as etcd 3.6 writes them", () => {
    const text = [
      'etcd_server_feature_enabled{name="InitialCorruptCheck",stage="ALPHA"} 1',
      'etcd_server_feature_enabled{name="CompactHashCheck",stage="ALPHA"} 0',
      'grpc_server_handled_total{grpc_code="OK",grpc_method="MoveLeader",grpc_service="etcdserverpb.Maintenance",grpc_type="unary"} 2',
      'grpc_server_handled_total{grpc_code="Unavailable",grpc_method="MoveLeader",grpc_service="etcdserverpb.Maintenance",grpc_type="unary"} 5',
      "",
    ].join("\n");
    const s = parseMetricsText(text, 1);
    expect(s.featuresEnabled).toEqual({ InitialCorruptCheck: true, CompactHashCheck: false });
    expect(s.moveLeaderTotal).toBe(2);
  });
});
