import { describe, expect, it } from "vitest";
import type { SearchLine } from "./key-search-api";
import { addSearchLine, EMPTY_SEARCH } from "./search-progress";

const fold = (lines: SearchLine[]) => lines.reduce(addSearchLine, EMPTY_SEARCH);

describe("addSearchLine", () => {
  it("keeps matches in the order they arrive, with the latest progress", () => {
    const s = fold([
      { type: "match", key: "/a/web-1", keyBase64: "L2Evd2ViLTE=" },
      { type: "progress", scanned: 64, total: 200, revision: 9 },
      { type: "match", key: "/b/web-2", keyBase64: "L2Ivd2ViLTI=" },
      { type: "progress", scanned: 128, total: 200, revision: 9 },
    ]);
    expect(s.matches.map((m) => m.key)).toEqual(["/a/web-1", "/b/web-2"]);
    expect(s).toMatchObject({ scanned: 128, total: 200, revision: 9, stoppedBy: null });
  });

  it("says why the search stopped, and never shows fewer keys in total than it read", () => {
    const s = fold([
      { type: "progress", scanned: 64, total: 50, revision: 3 },
      { type: "done", scanned: 70, matches: 0, revision: 3, stoppedBy: "scanned" },
    ]);
    expect(s).toMatchObject({ stoppedBy: "scanned", scanned: 70, total: 70 });
  });

  it("keeps the matches found before an error", () => {
    const s = fold([
      { type: "match", key: "/a", keyBase64: "L2E=" },
      { type: "error", code: "ETCD_UNAVAILABLE", message: "no member answered" },
    ]);
    expect(s.matches).toHaveLength(1);
    expect(s.error).toEqual({ code: "ETCD_UNAVAILABLE", message: "no member answered" });
  });
});
