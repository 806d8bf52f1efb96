import { describe, expect, it } from "vitest";
import type { MemberView } from "../health/cluster-health";
import { makeMemberView } from "../test-factories/member-view-factory";
import { readEndpoints } from "./read-endpoints";

function member(name: string, role: MemberView["role"], reachable = true): MemberView {
  const url = `https://${name}:2379`;
  return makeMemberView({ id: name, name, endpoint: url, role, reachable, clientUrls: [url] });
}

describe("readEndpoints", () => {
  it("prefers reachable followers, then the leader, and skips learners and the unreachable", () => {
    const members = [
      member("a", "leader"),
      member("b", "follower", false),
      member("c", "learner"),
      member("d", "follower"),
    ];
    expect(readEndpoints(members)).toEqual(["https://d:2379", "https://a:2379"]);
  });
});
