import type { MemberView } from "../health/cluster-health";

/**
 * Each reachable member's worst peer round-trip p99 in seconds, from the verdict's last
 * measurements; members with none measured yet are left out.
 */
export function worstRoundTrips(members: readonly MemberView[]): Map<string, number> {
  const worst = new Map<string, number>();
  for (const m of members) {
    const values = Object.values(m.peerRoundTripsSeconds);
    if (m.reachable && values.length > 0) worst.set(m.id, Math.max(...values));
  }
  return worst;
}
