import { describe, expect, it } from "vitest";
import type { ClusterEvent } from "./cluster-event";
import { eventLogEntry } from "./event-log-entry";

const at = "2026-11-29T13:00:00.000Z";
const m1 = { id: "8e9e05c52164694d", name: "member-1" };
const m2 = { id: "91bc3c398fb3c146", name: "member-2" };

describe("eventLogEntry", () => {
  it("names the cluster, the event type and the member concerned", () => {
    const e: ClusterEvent = {
      type: "leader_changed",
      from: m1,
      to: m2,
      term: 7,
      seq: 12,
      at,
      clusterId: "demo",
    };
    expect(eventLogEntry(e)).toEqual({
      message: "leader changed from member-1 to member-2",
      fields: { cluster: "demo", event: "leader_changed", seq: 12, member: "member-2", term: 7 },
    });
  });

  it("has no member field for cluster-wide events", () => {
    const e: ClusterEvent = {
      type: "quorum_lost",
      healthyVoters: 1,
      size: 2,
      seq: 3,
      at,
      clusterId: "demo",
    };
    expect(eventLogEntry(e)).toEqual({
      message: "quorum lost: 1 healthy voters, quorum 2",
      fields: { cluster: "demo", event: "quorum_lost", seq: 3 },
    });
  });

  it("reads member_recovered and member_removed in words", () => {
    const base = { seq: 1, at, clusterId: "c", member: m1 };
    expect(eventLogEntry({ ...base, type: "member_recovered" }).message).toBe("member recovered");
    expect(eventLogEntry({ ...base, type: "member_removed" }).message).toBe("member removed");
  });
});
