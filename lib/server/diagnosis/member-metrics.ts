import "server-only";
import type { MemberMetrics } from "../../member-snapshot";
import type { ClusterPoller } from "../cluster-poller";

/** Each member's metrics from its latest /metrics scrape, by member id; absent when none. */
export function latestMemberMetrics(poller: ClusterPoller): Record<string, MemberMetrics> {
  return Object.fromEntries(
    poller
      .snapshot()
      .members.flatMap((m) => (m.metrics ? [[m.member.id, m.metrics] as const] : [])),
  );
}
