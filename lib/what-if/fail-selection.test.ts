import { describe, expect, it } from "vitest";
import { failSelectionParams, parseFailSelection, toggleName } from "./fail-selection";

describe("fail selection in the URL", () => {
  it("reads member and node names, sorted and without duplicates or blanks", () => {
    const s = parseFailSelection(new URLSearchParams("fail=m3,m1,,m3&failnodes=cp-2"));
    expect(s).toEqual({ members: ["m1", "m3"], nodes: ["cp-2"] });
  });

  it("reads an absent selection as empty", () => {
    expect(parseFailSelection(new URLSearchParams(""))).toEqual({ members: [], nodes: [] });
  });

  it("writes the selection back so that it reads the same", () => {
    const params = failSelectionParams({ members: ["m2", "m1"], nodes: [] });
    expect(params).toEqual({ fail: "m1,m2", failnodes: null });
    const url = new URLSearchParams({ fail: params.fail ?? "" });
    expect(parseFailSelection(url).members).toEqual(["m1", "m2"]);
  });

  it("toggles a name in and out", () => {
    expect(toggleName(["m1"], "m2")).toEqual(["m1", "m2"]);
    expect(toggleName(["m1", "m2"], "m1")).toEqual(["m2"]);
  });
});
