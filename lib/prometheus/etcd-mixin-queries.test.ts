import { describe, expect, it } from "vitest";
import { etcdMixinQueries, rateWindowSeconds } from "./etcd-mixin-queries";

describe("etcdMixinQueries", () => {
  const q = etcdMixinQueries('job="etcd", cluster="prod-eu"', "instance", 60);

  it("writes the mixin dashboard's p99 over bucket rates, kept per member", () => {
    expect(q.walFsyncP99Seconds).toBe(
      'histogram_quantile(0.99, sum by (instance, le) (rate(etcd_disk_wal_fsync_duration_seconds_bucket{job="etcd", cluster="prod-eu"}[60s])))',
    );
    expect(q.backendCommitP99Seconds).toContain("etcd_disk_backend_commit_duration_seconds_bucket");
  });

  it("counts unary gRPC and the mixin's failure codes, and adds to the selector", () => {
    expect(q.grpcRequestRate).toBe(
      'sum by (instance) (rate(grpc_server_started_total{job="etcd", cluster="prod-eu", grpc_type="unary"}[60s]))',
    );
    expect(q.grpcFailedRate).toContain(
      'grpc_code=~"Unknown|FailedPrecondition|ResourceExhausted|Internal|Unavailable|DataLoss|DeadlineExceeded"',
    );
  });

  it("keeps the worst peer per member and leaves counters raw where the chart takes increases", () => {
    expect(q.peerRoundTripP99Seconds).toMatch(
      /^max by \(instance\) \(histogram_quantile\(0\.99, sum by \(instance, To, le\)/,
    );
    expect(q.leaderChangesSeenTotal).toBe(
      'etcd_server_leader_changes_seen_total{job="etcd", cluster="prod-eu"}',
    );
  });

  it("works without a selector and with another member label", () => {
    const bare = etcdMixinQueries("", "pod", 60);
    expect(bare.reachable).toBe("up{}");
    expect(bare.walFsyncP99Seconds).toContain("sum by (pod, le)");
  });
});

describe("rateWindowSeconds", () => {
  it("spans four scrapes, or one step and a scrape when steps are longer", () => {
    expect(rateWindowSeconds(1, 15)).toBe(60);
    expect(rateWindowSeconds(36, 15)).toBe(60);
    expect(rateWindowSeconds(1008, 15)).toBe(1023);
  });
});
