import { describe, expect, it } from "vitest";
import type { EventBody } from "./cluster-event";
import { LeaderChangeWindow } from "./leader-change-window";

const HOUR = 3_600_000;
const T0 = Date.parse("2026-11-30T05:00:00.000Z");
const m1 = { id: "8e9e05c52164694d", name: "m1" };
const m2 = { id: "91bc3c398fb3c146", name: "m2" };
const change = (term: number): EventBody => ({ type: "leader_changed", from: m1, to: m2, term });
const down: EventBody = { type: "member_unreachable", member: m1, error: "connection refused" };
const rebuilt: EventBody = {
  type: "etcd_cluster_changed",
  fromEtcdClusterId: "cdf818194e3a8c32",
  toEtcdClusterId: "5ad1e1ae0a1b2c3d",
};

describe("LeaderChangeWindow", () => {
  it("counts the window's leader changes and forgets older ones, boundary included", () => {
    const w = new LeaderChangeWindow(HOUR, []);
    w.note([change(3), down], T0);
    w.note([change(4)], T0 + 10 * 60_000);
    expect(w.countAt(T0 + 30 * 60_000)).toBe(2);
    expect(w.countAt(T0 + HOUR)).toBe(2);
    expect(w.countAt(T0 + HOUR + 1)).toBe(1);
    expect(w.countAt(T0 + 2 * HOUR)).toBe(0);
  });

  it("starts from the saved events after a restart", () => {
    const saved = [
      { ...change(3), at: new Date(T0).toISOString() },
      { ...down, at: new Date(T0 + 1000).toISOString() },
      { ...change(4), at: new Date(T0 + 2000).toISOString() },
    ];
    expect(new LeaderChangeWindow(HOUR, saved).countAt(T0 + 5000)).toBe(2);
  });

  it("does not count a replaced etcd cluster's changes against the new one", () => {
    const saved = [
      { ...change(3), at: new Date(T0).toISOString() },
      { ...rebuilt, at: new Date(T0 + 1000).toISOString() },
    ];
    const w = new LeaderChangeWindow(HOUR, saved);
    expect(w.countAt(T0 + 2000)).toBe(0);
    w.note([change(2)], T0 + 3000);
    w.note([rebuilt], T0 + 4000);
    expect(w.countAt(T0 + 5000)).toBe(0);
  });
});
