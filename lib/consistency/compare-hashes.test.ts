import { describe, expect, it } from "vitest";
import { makeHealth } from "../test-factories/health-factory";
import { makeCluster } from "../test-factories/member-snapshot-factory";
import { checkGuard } from "./check-guard";
import { compareHashes } from "./compare-hashes";
import type { MemberHash } from "./consistency-report";
import { pinRevision } from "./pin-revision";

// HashKV answers as the checker records them; hashes are CRC-32C values, compared as numbers.
function answer(
  id: string,
  hash: number | null,
  compactRevision: number | null = 1200,
): MemberHash {
  return {
    id,
    name: `m-${id}`,
    hash,
    compactRevision,
    hashRevision: null,
    durationMs: 3,
    error: hash === null ? "unreachable" : null,
  };
}

describe("compareHashes", () => {
  it("agrees when every member hashed the same under the same compact revision", () => {
    expect(
      compareHashes([answer("a", 3141592653), answer("b", 3141592653), answer("c", 3141592653)]),
    ).toEqual({
      kind: "agree",
      hash: 3141592653,
    });
  });

  it("names the odd member out, largest group first", () => {
    const c = compareHashes([answer("a", 1), answer("b", 2), answer("c", 1)]);
    expect(c).toEqual({
      kind: "differ",
      groups: [
        { hash: 1, memberIds: ["a", "c"] },
        { hash: 2, memberIds: ["b"] },
      ],
    });
  });

  it("does not compare hashes taken under different compact revisions", () => {
    const c = compareHashes([answer("a", 1, 1200), answer("b", 2, 1500), answer("c", 1, 1200)]);
    expect(c).toEqual({ kind: "compaction-moved", compactRevisions: [1200, 1500] });
  });

  it("decides nothing while a member that was asked gave no hash", () => {
    // Two hashes differ, but the third copy is unknown: the odd one out cannot be named.
    expect(compareHashes([answer("a", 1), answer("b", 2), answer("c", null)])).toEqual({
      kind: "incomplete",
      failed: [{ id: "c", error: "unreachable" }],
    });
  });

  it("needs two hashes to compare anything", () => {
    expect(compareHashes([answer("a", 1), answer("b", null)])).toEqual({
      kind: "too-few",
      answered: 1,
    });
  });
});

describe("pinRevision", () => {
  it("pins the lowest current revision, so no member is asked for a future one", () => {
    expect(pinRevision([1843, 1841, 1845])).toBe(1841);
    expect(pinRevision([])).toBeNull();
    expect(pinRevision([0])).toBeNull();
  });
});

describe("checkGuard", () => {
  it("lets a healthy cluster be checked", () => {
    expect(checkGuard(makeHealth(makeCluster([{}, {}, {}])), 1 << 30)).toBeNull();
  });

  it("never runs during an election", () => {
    const leaderless = makeCluster([0, 1, 2].map(() => ({ status: { leaderId: undefined } })));
    expect(checkGuard(makeHealth(leaderless), 1 << 30)).toMatch(/^no leader/);
    expect(checkGuard(undefined, 1 << 30)).toMatch(/^no verdict yet/);
  });

  it("refuses a database above the size guard", () => {
    const big = makeCluster([{ status: { dbSizeBytes: 3 * 2 ** 30 } }, {}, {}]);
    expect(checkGuard(makeHealth(big), 2 * 2 ** 30)).toBe(
      "a member's database is 3.0 GiB, above the size guard of 2.0 GiB (consistencyCheck.maxDbSizeBytes)",
    );
  });

  it("does not run with a voter unreachable: its copy is the one left out", () => {
    expect(checkGuard(makeHealth(makeCluster([{}, {}, { down: true }])), 1 << 30)).toBe(
      "m3 unreachable: a check compares every voter's copy",
    );
    expect(
      checkGuard(makeHealth(makeCluster([{}, {}, {}, { learner: true, down: true }])), 1 << 30),
    ).toBeNull();
  });

  it("needs two reachable voters", () => {
    expect(
      checkGuard(makeHealth(makeCluster([{}, { down: true }, { learner: true }])), 1 << 30),
    ).toMatch(/^fewer than two reachable voters/);
  });
});
