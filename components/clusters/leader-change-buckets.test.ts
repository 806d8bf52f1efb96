import { describe, expect, it } from "vitest";
import type { ClusterEvent } from "@/lib/events/cluster-event";
import { leaderChangeBuckets } from "./leader-change-buckets";

const now = Date.UTC(2024, 0, 1, 12);
const leaderChange = (minutesAgo: number, seq: number): ClusterEvent => ({
  type: "leader_changed",
  from: { id: "a", name: "m1" },
  to: { id: "b", name: "m2" },
  term: 3,
  seq,
  at: new Date(now - minutesAgo * 60_000).toISOString(),
  clusterId: "demo",
});

describe("leaderChangeBuckets", () => {
  it("counts leader changes per bucket, oldest first, ignoring other events and older ones", () => {
    const events: ClusterEvent[] = [
      leaderChange(1, 1),
      leaderChange(2, 2),
      leaderChange(55, 3),
      leaderChange(90, 4),
      {
        type: "member_recovered",
        member: { id: "a", name: "m1" },
        seq: 5,
        at: new Date(now).toISOString(),
        clusterId: "demo",
      },
    ];
    expect(leaderChangeBuckets(events, now, 60 * 60_000, 12)).toEqual([
      0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
    ]);
  });
});
