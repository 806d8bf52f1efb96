import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { breadcrumbTrail } from "./breadcrumb-trail";
import { ancestorPrefixes } from "./browser-view";
import { textBytes } from "./key-bytes";

const t = textBytes;

describe("breadcrumbTrail", () => {
  it("names every directory of a short path", () => {
    expect(breadcrumbTrail(t("/registry/pods/"), t("/"))).toEqual([
      { kind: "dir", start: 0, end: 0 },
      { kind: "dir", start: 0, end: 1 },
      { kind: "dir", start: 1, end: 10 },
      { kind: "dir", start: 10, end: 15 },
    ]);
  });

  it("agrees with the ancestors when nothing is collapsed", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "/", ":"), { maxLength: 12 }), (chars) => {
        const prefix = t(chars.join(""));
        const trail = breadcrumbTrail(prefix, t("/"), 100);
        expect(trail.map((c) => prefix.subarray(0, c.end))).toEqual(
          ancestorPrefixes(prefix, t("/")),
        );
      }),
    );
  });

  it("collapses the middle of a deep path into one gap linking to its deepest level", () => {
    const prefix = t("a/".repeat(20));
    const trail = breadcrumbTrail(prefix, t("/"), 8);
    expect(trail).toHaveLength(8);
    expect(trail[2]).toEqual({ kind: "gap", hidden: 14, end: 30 });
    expect(trail.at(-1)).toEqual({ kind: "dir", start: 38, end: 40 });
    expect(trail[3]).toEqual({ kind: "dir", start: 30, end: 32 });
  });

  it("keeps the links' total size linear in the path, at any depth", () => {
    for (const depth of [10, 1_000, 7_000]) {
      const prefix = t("a/".repeat(depth));
      const trail = breadcrumbTrail(prefix, t("/"));
      const linkBytes = trail.reduce((sum, c) => sum + c.end, 0);
      expect(linkBytes).toBeLessThanOrEqual(8 * prefix.length);
    }
  });
});
