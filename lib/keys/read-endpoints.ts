import type { MemberView } from "../health/cluster-health";

/**
 * Where key reads go, best first: reachable voters, followers before the leader. etcd 3.4 holds
 * its index lock while it walks a range; a follower that applies late delays no client, a
 * leader that does delays every write. Learners are left out: they refuse linearizable reads.
 */
export function readEndpoints(members: readonly MemberView[]): string[] {
  const rank = (m: MemberView) => (m.role === "follower" ? 0 : 1);
  return members
    .filter((m) => m.reachable && m.role !== "learner")
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((m) => m.clientUrls.slice(0, 1));
}
