import { describe, expect, it } from "vitest";
import { makeHistory } from "@/lib/alerts/make-history";
import type { MemberView } from "@/lib/health/cluster-health";
import { makeMemberView } from "@/lib/test-factories/member-view-factory";
import { CLUSTER_LINE_ID, chartRows, seriesKey } from "./chart-rows";
import { chartSpecs } from "./chart-specs";
import { chartEmptyReason, memberGap } from "./empty-reason";

const spec = (id: string) => {
  const s = chartSpecs.find((c) => c.id === id);
  if (!s) throw new Error(id);
  return s;
};

const member = (id: string, over: Partial<MemberView> = {}): MemberView =>
  makeMemberView({ id, name: id, endpoint: "", ...over });

describe("chartRows", () => {
  it("gives each member and series its own key, null while unreachable", () => {
    const points = makeHistory({
      minutes: 1,
      stepMs: 20_000,
      sample: (id, _t, ago) => ({
        reachable: !(id === "b" && ago === 0),
        proposalsCommittedRate: 5,
        proposalsAppliedRate: 4,
      }),
    });
    const rows = chartRows(points, spec("proposals"), ["a", "b"]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ [seriesKey("a", 0)]: 5, [seriesKey("a", 1)]: 4 });
    expect(rows.at(-1)?.[seriesKey("b", 0)]).toBeNull();
  });

  it("draws a counter as its increase since the window began, across a reset", () => {
    const values = [10, 11, 11, 0, 2];
    const points = makeHistory({
      memberIds: ["a"],
      minutes: 4,
      stepMs: 60_000,
      sample: (_id, _t, ago) => ({ leaderChangesSeenTotal: values[4 - ago] }),
    });
    const rows = chartRows(points, spec("leader-changes"), ["a"]);
    expect(rows.map((r) => r[seriesKey(CLUSTER_LINE_ID, 0)])).toEqual([0, 1, 1, 1, 3]);
  });

  it("counts leader changes as the most any member saw: one member's restart is no change", () => {
    // b crash-loops: its counter falls to 0 and comes back as 1, with no election.
    const b = [5, 0, 1, 0, 1];
    const points = makeHistory({
      memberIds: ["a", "b"],
      minutes: 4,
      stepMs: 60_000,
      sample: (id, _t, ago) => ({ leaderChangesSeenTotal: id === "a" ? 5 : b[4 - ago] }),
    });
    const rows = chartRows(points, spec("leader-changes"), ["a", "b"]);
    expect(rows.map((r) => r[seriesKey(CLUSTER_LINE_ID, 0)])).toEqual([0, 0, 0, 0, 0]);
    expect(rows[0]).not.toHaveProperty(seriesKey("a", 0));
  });
});

describe("chartEmptyReason", () => {
  const points = makeHistory({ minutes: 1, sample: (id) => ({ reachable: id !== "c" }) });

  it("is null when any member has data", () => {
    const withData = makeHistory({
      minutes: 1,
      sample: (id) => (id === "a" ? { walFsyncP99Seconds: 0.002 } : {}),
    });
    expect(chartEmptyReason(withData, spec("fsync"), [member("a"), member("b")])).toBeNull();
  });

  it("says the member is unreachable", () => {
    const down = makeHistory({
      memberIds: ["c"],
      minutes: 1,
      sample: () => ({ reachable: false }),
    });
    expect(chartEmptyReason(down, spec("fsync"), [member("c", { reachable: false })])).toBe(
      "Member unreachable",
    );
  });

  it("names metrics an older etcd does not expose", () => {
    expect(memberGap(points, member("a", { version: "3.3.25" }), "dbSizeInUseBytes")).toBe(
      "metric not exposed by etcd 3.3.25",
    );
    expect(memberGap(points, member("a"), "dbSizeInUseBytes")).toBe(
      "metrics endpoint has not answered",
    );
  });

  it("explains that rates wait for a second scrape and p99s for activity", () => {
    expect(chartEmptyReason(points, spec("grpc"), [member("a"), member("b")])).toBe(
      "Waiting for a second metrics scrape",
    );
    expect(chartEmptyReason(points, spec("fsync"), [member("a"), member("b")])).toBe(
      "Nothing observed between scrapes yet",
    );
  });

  it("lists mixed reasons by member", () => {
    expect(
      chartEmptyReason(points, spec("fsync"), [member("a"), member("c", { reachable: false })]),
    ).toBe("a: nothing observed between scrapes yet; c: member unreachable");
  });

  it("says why there is no history at all", () => {
    expect(chartEmptyReason([], spec("fsync"), [member("a")])).toMatch(/No history yet/);
  });
});
