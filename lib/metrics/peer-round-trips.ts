import { thresholds } from "../health/thresholds";

/** When a peer's round trip is no longer current (see thresholds.peerRoundTripStaleMs). */
export const PEER_ROUND_TRIP_STALE_MS = thresholds.peerRoundTripStaleMs;

export interface PeerRoundTrips {
  /** p99 in seconds, keyed by peer member id. */
  seconds: Record<string, number>;
  /** When each was last measured, epoch ms. */
  measuredAt: Record<string, number>;
}

/**
 * Carries each peer's last measured round trip between scrapes (a scrape with no new probe has
 * no value), keeps only peers that are still members, and names the values etcd has not
 * refreshed within `PEER_ROUND_TRIP_STALE_MS`. `now` is epoch ms.
 */
export function carryPeerRoundTrips(
  previous: PeerRoundTrips,
  fresh: Record<string, number>,
  members: ReadonlySet<string>,
  now: number,
): PeerRoundTrips & { stale: string[] } {
  const seconds: Record<string, number> = {};
  const measuredAt: Record<string, number> = {};
  for (const [peer, value] of Object.entries(previous.seconds)) {
    if (!members.has(peer)) continue;
    seconds[peer] = value;
    measuredAt[peer] = previous.measuredAt[peer] ?? now;
  }
  for (const [peer, value] of Object.entries(fresh)) {
    if (!members.has(peer)) continue;
    seconds[peer] = value;
    measuredAt[peer] = now;
  }
  const stale = Object.keys(seconds).filter(
    (peer) => now - (measuredAt[peer] ?? now) > PEER_ROUND_TRIP_STALE_MS,
  );
  return { seconds, measuredAt, stale };
}
