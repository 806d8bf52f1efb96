import { describe, expect, it } from "vitest";
import type { MemberView } from "@/lib/health/cluster-health";
import { makeMemberView } from "@/lib/test-factories/member-view-factory";
import { memberSortParam, parseMemberSort, sortMembers } from "./sort-members";

const m = (name: string, over: Partial<MemberView> = {}): MemberView =>
  makeMemberView({ id: `id-${name}`, name, ...over });

const names = (list: MemberView[]) => list.map((x) => x.name);

describe("sortMembers", () => {
  const members = [
    m("m10", { latencyMs: 3 }),
    m("m2", { latencyMs: null, reachable: false }),
    m("m1", { latencyMs: 7, role: "leader" }),
  ];

  it("sorts names as people count: m2 before m10", () => {
    expect(names(sortMembers(members, { column: "name", direction: "ascending" }))).toEqual([
      "m1",
      "m2",
      "m10",
    ]);
  });

  it("puts unknown values last in both directions", () => {
    expect(names(sortMembers(members, { column: "latency", direction: "ascending" }))).toEqual([
      "m10",
      "m1",
      "m2",
    ]);
    expect(names(sortMembers(members, { column: "latency", direction: "descending" }))).toEqual([
      "m1",
      "m10",
      "m2",
    ]);
  });

  it("sorts the leader first when descending by leader", () => {
    expect(names(sortMembers(members, { column: "leader", direction: "descending" }))[0]).toBe(
      "m1",
    );
  });

  it("round-trips through the URL", () => {
    expect(parseMemberSort("-latency")).toEqual({ column: "latency", direction: "descending" });
    expect(parseMemberSort("bogus")).toEqual({ column: "name", direction: "ascending" });
    expect(memberSortParam({ column: "term", direction: "descending" })).toBe("-term");
    expect(memberSortParam({ column: "name", direction: "ascending" })).toBeNull();
  });
});
