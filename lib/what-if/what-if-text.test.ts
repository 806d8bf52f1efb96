import { describe, expect, it } from "vitest";
import { evaluateWhatIf, type WhatIfMember } from "./evaluate-what-if";
import { whatIfText } from "./what-if-text";

const three: WhatIfMember[] = [
  { id: "a", name: "m1", role: "leader", reachable: true },
  { id: "b", name: "m2", role: "follower", reachable: true },
  { id: "c", name: "m3", role: "follower", reachable: true },
];

describe("whatIfText", () => {
  it("says how many more failures the cluster could take", () => {
    expect(whatIfText(evaluateWhatIf(three, new Set())).headline).toBe(
      "Quorum holds: could then lose 1 more member",
    );
    expect(whatIfText(evaluateWhatIf(three, new Set(["c"]))).headline).toBe(
      "Quorum holds, but one more failure would stop writes",
    );
  });

  it("says writes would fail once quorum is lost", () => {
    const t = whatIfText(evaluateWhatIf(three, new Set(["b", "c"])));
    expect(t.headline).toBe("Quorum lost: writes would fail");
    expect(t.details).toContain("1 of 3 voters left; 2 are needed.");
  });

  it("warns that losing the leader forces an election", () => {
    const t = whatIfText(evaluateWhatIf(three, new Set(["a"])));
    expect(t.details).toContain("The leader fails: writes pause until the others elect a new one.");
  });

  it("counts API servers that could still serve, none without quorum", () => {
    const impact = {
      failedMemberIds: new Set(["b", "c"]),
      apiServersDown: ["api-2"],
      apiServersCutOff: ["api-3"],
      apiServersServing: ["api-1"],
      unknown: [],
    };
    const t = whatIfText(evaluateWhatIf(three, impact.failedMemberIds), impact);
    expect(t.details).toContain("0 of 3 API servers could still serve writes.");
    expect(t.details).toContain("Down with their node: api-2.");
  });
});
