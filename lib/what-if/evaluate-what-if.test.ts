import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateWhatIf, type WhatIfMember } from "./evaluate-what-if";

function cluster(
  voters: number,
  opts: { learners?: number; down?: number[] } = {},
): WhatIfMember[] {
  const members: WhatIfMember[] = Array.from({ length: voters }, (_, i) => ({
    id: `id${i + 1}`,
    name: `m${i + 1}`,
    role: i === 0 ? "leader" : "follower",
    reachable: !(opts.down ?? []).includes(i + 1),
  }));
  for (let i = 0; i < (opts.learners ?? 0); i++) {
    members.push({ id: `l${i + 1}`, name: `learner${i + 1}`, role: "learner", reachable: true });
  }
  return members;
}

const ids = (...n: number[]) => new Set(n.map((i) => `id${i}`));

describe("evaluateWhatIf over 1 to 7 voters", () => {
  // voters → [quorum size, failures tolerated]
  const table: Array<[number, number, number]> = [
    [1, 1, 0],
    [2, 2, 0],
    [3, 2, 1],
    [4, 3, 1],
    [5, 3, 2],
    [6, 4, 2],
    [7, 4, 3],
  ];

  it.each(table)("%i voters need %i and tolerate %i failures", (voters, size, tolerance) => {
    const none = evaluateWhatIf(cluster(voters), new Set());
    expect(none.quorum.size).toBe(size);
    expect(none.quorum.tolerance).toBe(tolerance);
    expect(none.quorum.remaining).toBe(tolerance);
    expect(none.quorumHolds).toBe(true);

    const atLimit = evaluateWhatIf(
      cluster(voters),
      ids(...Array.from({ length: tolerance }, (_, i) => voters - i)),
    );
    expect(atLimit.quorumHolds).toBe(true);
    expect(atLimit.writable).toBe(true);
    expect(atLimit.quorum.remaining).toBe(0);

    const beyond = evaluateWhatIf(
      cluster(voters),
      ids(...Array.from({ length: tolerance + 1 }, (_, i) => voters - i)),
    );
    expect(beyond.quorumHolds).toBe(false);
    expect(beyond.writable).toBe(false);
    expect(beyond.quorum.margin).toBe(-1);
  });

  it("says an even count tolerates no more than the odd count below it", () => {
    expect(evaluateWhatIf(cluster(4), new Set()).quorum.tolerance).toBe(
      evaluateWhatIf(cluster(3), new Set()).quorum.tolerance,
    );
    expect(evaluateWhatIf(cluster(6), ids(5, 6)).quorumHolds).toBe(true);
    expect(evaluateWhatIf(cluster(6), ids(4, 5, 6)).quorumHolds).toBe(false);
    expect(evaluateWhatIf(cluster(2), ids(2)).quorumHolds).toBe(false);
  });

  it("loses a single-member cluster with its only member", () => {
    const v = evaluateWhatIf(cluster(1), ids(1));
    expect(v.quorumHolds).toBe(false);
    expect(v.leaderFails).toBe(true);
  });
});

describe("evaluateWhatIf with learners", () => {
  it("never counts learners toward quorum, whether they fail or not", () => {
    const members = cluster(3, { learners: 2 });
    const none = evaluateWhatIf(members, new Set());
    expect(none.quorum.voters).toBe(3);
    expect(none.quorum.learners).toBe(2);
    expect(none.quorum.size).toBe(2);
    const learnersDown = evaluateWhatIf(members, new Set(["l1", "l2"]));
    expect(learnersDown.quorum.remaining).toBe(1);
    expect(learnersDown.failedLearners).toEqual(["learner1", "learner2"]);
    expect(learnersDown.newlyFailedVoters).toEqual([]);
  });

  it("does not let learners rescue a cluster that lost its voters", () => {
    const v = evaluateWhatIf(cluster(3, { learners: 3 }), ids(2, 3));
    expect(v.quorumHolds).toBe(false);
  });
});

describe("evaluateWhatIf with members already unreachable", () => {
  it("starts from the members that are down now", () => {
    const v = evaluateWhatIf(cluster(5, { down: [5] }), new Set());
    expect(v.quorum.healthyVoters).toBe(4);
    expect(v.quorum.remaining).toBe(1);
  });

  it("does not count a member that is already down twice", () => {
    const v = evaluateWhatIf(cluster(3, { down: [3] }), ids(3));
    expect(v.quorumHolds).toBe(true);
    expect(v.quorum.remaining).toBe(0);
    expect(v.alreadyDownVoters).toEqual(["m3"]);
    expect(v.newlyFailedVoters).toEqual([]);
  });

  it("loses quorum when one more member fails after one is already down in 3", () => {
    const v = evaluateWhatIf(cluster(3, { down: [3] }), ids(2));
    expect(v.quorumHolds).toBe(false);
    expect(v.newlyFailedVoters).toEqual(["m2"]);
  });

  it("reports that failing the leader forces an election but keeps writes with quorum", () => {
    const v = evaluateWhatIf(cluster(3), ids(1));
    expect(v.leaderFails).toBe(true);
    expect(v.writable).toBe(true);
  });

  it("has no quorum to speak of when no member is known", () => {
    const v = evaluateWhatIf([], new Set());
    expect(v.quorumHolds).toBe(false);
    expect(v.quorum.voters).toBe(0);
  });
});

describe("evaluateWhatIf properties", () => {
  const arb = fc
    .record({
      voters: fc.integer({ min: 1, max: 7 }),
      learners: fc.integer({ min: 0, max: 3 }),
      down: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
      failed: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
    })
    .map((r) => ({ ...r, members: cluster(r.voters, { learners: r.learners, down: r.down }) }));

  it("holds quorum exactly when a majority of voters stays reachable", () => {
    fc.assert(
      fc.property(arb, ({ voters, members, failed }) => {
        const v = evaluateWhatIf(members, ids(...failed));
        const up = members.filter(
          (m) => m.role !== "learner" && m.reachable && !ids(...failed).has(m.id),
        ).length;
        expect(v.quorumHolds).toBe(up > voters / 2);
        expect(v.quorum.remaining).toBe(Math.max(0, up - (Math.floor(voters / 2) + 1)));
      }),
    );
  });

  it("never gets better by failing more members", () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 7 }), ({ members, failed }, extra) => {
        const before = evaluateWhatIf(members, ids(...failed));
        const after = evaluateWhatIf(members, ids(...failed, extra));
        expect(after.quorum.healthyVoters).toBeLessThanOrEqual(before.quorum.healthyVoters);
        if (!before.quorumHolds) expect(after.quorumHolds).toBe(false);
      }),
    );
  });
});
