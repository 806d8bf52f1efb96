import type { ClusterSnapshot } from "../member-snapshot";
import twoFollowersStopped34 from "./fixtures/etcd-3.4-two-followers-stopped.json";

/**
 * The poller's snapshots of a real 3-member etcd 3.4.23 cluster (harness, mutual TLS on
 * loopback), one every ~250 ms, captured by scripts/capture-verdict-snapshots.ts: healthy for
 * 4 s, one follower then the other stopped (quorum lost, then no leader), both started again
 * 15 s later, healthy again. The JSON is the poller's own ClusterSnapshot, so no schema checks it.
 */
export function twoFollowersStopped(): ClusterSnapshot[] {
  return twoFollowersStopped34 as unknown as ClusterSnapshot[];
}
