import { describe, expect, it } from "vitest";
import { EMPTY_SEARCH } from "./search-progress";
import { searchSummary } from "./search-summary";

const match = { key: "/a/web", keyBase64: "L2Evd2Vi" };

describe("searchSummary", () => {
  it("says how far a running search has read", () => {
    const s = { ...EMPTY_SEARCH, scanned: 1_200, total: 5_000, matches: [match] };
    expect(searchSummary(s, 200)).toBe("Searching… 1,200 of 5,000 keys read, 1 match so far.");
  });

  it("says plainly which cap stopped a search and what is left", () => {
    const byMatches = {
      ...EMPTY_SEARCH,
      scanned: 640,
      total: 9_000,
      revision: 12,
      stoppedBy: "matches" as const,
    };
    expect(searchSummary(byMatches, 200)).toMatch(
      /^Stopped at 200 matches, the most one search shows, after reading 640 of 9,000 keys at revision 12/,
    );
    const byScan = {
      ...EMPTY_SEARCH,
      scanned: 1_000_000,
      total: 1_500_000,
      stoppedBy: "scanned" as const,
    };
    expect(searchSummary(byScan, 200)).toMatch(
      /^Stopped after reading 1,000,000 keys, the most one search reads; 500,000 keys were not searched/,
    );
  });

  it("counts a complete search's keys and matches", () => {
    const s = {
      ...EMPTY_SEARCH,
      scanned: 1,
      total: 1,
      revision: 3,
      stoppedBy: "complete" as const,
    };
    expect(searchSummary(s, 200)).toBe(
      "Read all 1 key under this prefix at revision 3: 0 matches.",
    );
  });
});
