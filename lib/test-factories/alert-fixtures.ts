import type { ScrapedSeries } from "../alerts/scraped-series";

/** One scrape of one member as a fixture holds it: its series, or null when it failed. */
export interface FixtureScrape {
  memberId: string;
  at: number;
  series: readonly ScrapedSeries[] | null;
}

/** Member ids as etcd prints them; they are the `instance` label. */
export const MEMBERS = ["8e9e05c52164694d", "91bc3c398fb3c146", "fd422379fda50e48"] as const;
export const MINUTE = 60_000;
const MIB = 1024 * 1024;

const exponential = (start: number, factor: number, count: number) =>
  Array.from({ length: count }, (_, i) => start * factor ** i);
/** etcd's buckets: disk durations ExponentialBuckets(0.001, 2, 14), peer RTT (0.0001, 2, 16). */
const DISK_BUCKETS = exponential(0.001, 2, 14);
const RTT_BUCKETS = exponential(0.0001, 2, 16);

/** A classic histogram as etcd exposes it, fed observations and read as bucket series. */
class HistogramCounter {
  private readonly counts: number[];
  constructor(
    private readonly name: string,
    private readonly bounds: readonly number[],
    private readonly labels: Record<string, string> = {},
  ) {
    this.counts = bounds.map(() => 0).concat(0);
  }
  observe(value: number, times: number): void {
    this.bounds.forEach((le, i) => {
      if (value <= le) this.counts[i] = (this.counts[i] ?? 0) + times;
    });
    this.counts[this.bounds.length] = (this.counts[this.bounds.length] ?? 0) + times;
  }
  reset(): void {
    this.counts.fill(0);
  }
  series(): ScrapedSeries[] {
    return this.counts.map((count, i) => ({
      name: `${this.name}_bucket`,
      labels: { ...this.labels, le: i < this.bounds.length ? `${this.bounds[i]}` : "+Inf" },
      value: count,
    }));
  }
}

const grpc = (
  service: string,
  method: string,
  type: string,
  code: string,
  value: number,
): ScrapedSeries => ({
  name: "grpc_server_handled_total",
  labels: { grpc_service: service, grpc_method: method, grpc_type: type, grpc_code: code },
  value,
});

/**
 * The per-method input: two scrapes 5 minutes apart. Watch: Canceled 1000→1120,
 * Unavailable 200→230; Range: OK 50000→56000; Compact: OK 3→3. The mixin says Watch 20 %,
 * Range 0 %, Compact no number (0/0).
 */
export function perMethodFixture(start: number): FixtureScrape[] {
  const [m] = MEMBERS;
  const scrape = (at: number, k: 0 | 1): FixtureScrape => ({
    memberId: m,
    at,
    series: [
      grpc("etcdserverpb.Watch", "Watch", "bidi_stream", "Canceled", [1000, 1120][k] as number),
      grpc("etcdserverpb.Watch", "Watch", "bidi_stream", "Unavailable", [200, 230][k] as number),
      grpc("etcdserverpb.Watch", "Watch", "bidi_stream", "OK", 0),
      grpc("etcdserverpb.KV", "Range", "unary", "OK", [50000, 56000][k] as number),
      grpc("etcdserverpb.KV", "Range", "unary", "Unavailable", 0),
      grpc("etcdserverpb.KV", "Compact", "unary", "OK", 3),
      grpc("etcdserverpb.KV", "Compact", "unary", "Unavailable", 0),
    ],
  });
  return [scrape(start, 0), scrape(start + 5 * MINUTE, 1)];
}

/**
 * 100 Range requests a second, 12 of every 1000 Unavailable, all in one scrape every 10 s:
 * 1.2 % failed, a warning and never a critical. Scraped every 2 s for `minutes`.
 */
export function burstyFailuresFixture(start: number, minutes: number): FixtureScrape[] {
  const [m] = MEMBERS;
  const out: FixtureScrape[] = [];
  let ok = 0;
  let unavailable = 0;
  for (let k = 0; k * 2000 <= minutes * MINUTE; k++) {
    if (k > 0) {
      const burst = k % 5 === 0;
      ok += burst ? 188 : 200;
      if (burst) unavailable += 12;
    }
    out.push({
      memberId: m,
      at: start + k * 2000,
      series: [
        grpc("etcdserverpb.KV", "Range", "unary", "OK", ok),
        grpc("etcdserverpb.KV", "Range", "unary", "Unavailable", unavailable),
      ],
    });
  }
  return out;
}

/**
 * Leader changes seen by three members scraped every 15 s. For 30 minutes the third member
 * crash-loops (down 30 s every 3 minutes, back with its counter reset to 1) with no election;
 * then five real elections one every 2 minutes, seen by every member.
 */
export function leaderChangesFixture(start: number): FixtureScrape[] {
  const out: FixtureScrape[] = [];
  const seen = MEMBERS.map(() => 3);
  const elections = [32, 34, 36, 38, 40].map((m) => start + m * MINUTE);
  for (let at = start; at <= start + 50 * MINUTE; at += 15_000) {
    const minute = (at - start) / MINUTE;
    if (elections.includes(at)) for (let i = 0; i < seen.length; i++) seen[i] = (seen[i] ?? 0) + 1;
    MEMBERS.forEach((id, i) => {
      const cycle = minute % 3;
      const down = i === 2 && minute < 30 && minute >= 1 && cycle >= 2.5;
      if (down) {
        seen[i] = 1;
        out.push({ memberId: id, at, series: null });
        return;
      }
      out.push({
        memberId: id,
        at,
        series: [
          { name: "etcd_server_leader_changes_seen_total", labels: {}, value: seen[i] ?? 0 },
          { name: "etcd_server_has_leader", labels: {}, value: 1 },
        ],
      });
    });
  }
  return out;
}

/**
 * Four hours and ten minutes of three members scraped every 30 s, exercising every other rule:
 * a growing database (growth), one near its quota (quota), one fragmented (fragmentation);
 * failed proposals, slow fsyncs, slow commits and a slow peer; a member restart that resets
 * every counter after 90 s down; a member without a leader; and members going down at the end.
 */
export function clusterFixture(start: number): FixtureScrape[] {
  const out: FixtureScrape[] = [];
  const state = MEMBERS.map((id) => ({
    fsync: new HistogramCounter("etcd_disk_wal_fsync_duration_seconds", DISK_BUCKETS),
    commit: new HistogramCounter("etcd_disk_backend_commit_duration_seconds", DISK_BUCKETS),
    rtt: MEMBERS.filter((p) => p !== id).map(
      (to) =>
        new HistogramCounter("etcd_network_peer_round_trip_time_seconds", RTT_BUCKETS, { To: to }),
    ),
    proposalsFailed: 0,
    rangeOk: 0,
    txnOk: 0,
    txnDeadline: 0,
    sentFailures: 0,
  }));
  const end = start + 250 * MINUTE;
  for (let at = start; at <= end; at += 30_000) {
    const minute = (at - start) / MINUTE;
    MEMBERS.forEach((id, i) => {
      const s = state[i];
      if (!s) return;
      const restartAt = 120;
      const down =
        (i === 2 && minute >= restartAt && minute < restartAt + 1.5) ||
        (i === 1 && minute >= 235) ||
        (i === 2 && minute >= 245);
      if (down) {
        out.push({ memberId: id, at, series: null });
        return;
      }
      if (i === 2 && minute === restartAt + 1.5) {
        // The restarted process starts every counter again from zero.
        s.fsync.reset();
        s.commit.reset();
        for (const h of s.rtt) h.reset();
        s.proposalsFailed = 0;
        s.rangeOk = 0;
        s.txnOk = 0;
        s.txnDeadline = 0;
      }
      const slowDisk = i === 0 && minute >= 200;
      s.fsync.observe(0.002, 300);
      s.fsync.observe(slowDisk ? 1.5 : 0.003, slowDisk ? 10 : 3);
      s.commit.observe(0.01, 100);
      s.commit.observe(slowDisk ? 0.6 : 0.02, slowDisk ? 5 : 1);
      s.rtt.forEach((h, k) => {
        h.observe(0.0008, 60);
        if (i === 1 && k === 0 && minute >= 150) h.observe(0.4, 2);
      });
      if (i === 0 && minute >= 180 && minute < 210) s.proposalsFailed += 200;
      s.rangeOk += 300;
      s.txnOk += 60;
      if (i === 2 && minute >= 60) s.txnDeadline += 3;
      const dbTotal =
        i === 0 ? 500 * MIB + minute * 4 * MIB : i === 1 ? 1.96 * 1024 * MIB : 400 * MIB;
      const dbInUse = i === 2 ? 150 * MIB : dbTotal * 0.9;
      const hasLeader = i === 2 && minute >= 225 && minute < 240 ? 0 : 1;
      out.push({
        memberId: id,
        at,
        series: [
          ...s.fsync.series(),
          ...s.commit.series(),
          ...s.rtt.flatMap((h) => h.series()),
          { name: "etcd_server_proposals_failed_total", labels: {}, value: s.proposalsFailed },
          { name: "etcd_server_has_leader", labels: {}, value: hasLeader },
          { name: "etcd_server_leader_changes_seen_total", labels: {}, value: 2 },
          { name: "etcd_mvcc_db_total_size_in_bytes", labels: {}, value: Math.round(dbTotal) },
          {
            name: "etcd_mvcc_db_total_size_in_use_in_bytes",
            labels: {},
            value: Math.round(dbInUse),
          },
          { name: "etcd_server_quota_backend_bytes", labels: {}, value: 2 * 1024 * MIB },
          ...MEMBERS.filter((p) => p !== id).map((to) => ({
            name: "etcd_network_peer_sent_failures_total",
            labels: { To: to },
            value: s.sentFailures,
          })),
          grpc("etcdserverpb.KV", "Range", "unary", "OK", s.rangeOk),
          grpc("etcdserverpb.KV", "Range", "unary", "Unavailable", 0),
          grpc("etcdserverpb.KV", "Txn", "unary", "OK", s.txnOk),
          grpc("etcdserverpb.KV", "Txn", "unary", "DeadlineExceeded", s.txnDeadline),
        ],
      });
    });
  }
  return out;
}
