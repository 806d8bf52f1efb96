import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyBrowserHref } from "./browser-href";
import { ancestorPrefixes, browserView, parentPrefix } from "./browser-view";
import { textBytes } from "./key-bytes";
import { pathToKey } from "./key-path";

const t = textBytes;

/** What the page receives for an href: Next's decoded catch-all segments and search params. */
function parseHref(href: string) {
  const url = new URL(href, "http://x");
  const tail = url.pathname.replace(/^\/clusters\/[^/]+\/keys\/?/, "");
  const segments = tail === "" ? [] : tail.split("/").map((s) => decodeURIComponent(s));
  const params = Object.fromEntries(url.searchParams);
  return { target: pathToKey(segments), params };
}

describe("browserView", () => {
  it("shows a directory for the root and prefixes ending in the separator", () => {
    expect(browserView(t(""), {})).toMatchObject({ mode: "dir", listPrefix: t("") });
    expect(browserView(t("/registry/pods/"), {})).toMatchObject({
      mode: "dir",
      listPrefix: t("/registry/pods/"),
    });
  });

  it("shows a key's value beside its siblings", () => {
    const v = browserView(t("/registry/pods/default/nginx"), { revision: "42", format: "json" });
    expect(v).toMatchObject({
      mode: "key",
      listPrefix: t("/registry/pods/default/"),
      revision: 42,
      format: "json",
    });
    expect(v.selectedKey).toEqual(t("/registry/pods/default/nginx"));
    expect(browserView(t("feature-flags"), {})).toMatchObject({ mode: "key", listPrefix: t("") });
    expect(browserView(t("a/"), { view: "key" })).toMatchObject({ mode: "key", listPrefix: t("") });
  });

  it("searches by prefix, and honours another separator", () => {
    expect(browserView(t("/registry/pods/default/ng"), { view: "search" })).toMatchObject({
      mode: "search",
      listPrefix: t("/registry/pods/default/ng"),
    });
    expect(browserView(t("app:config:"), { separator: ":" })).toMatchObject({
      mode: "dir",
      separator: t(":"),
    });
  });

  it("finds keys by name within the listed prefix, the text kept as typed", () => {
    const v = browserView(t("/registry/pods/"), { q: "web &?/%" });
    expect(v).toMatchObject({ mode: "dir", listPrefix: t("/registry/pods/"), find: "web &?/%" });
    expect(browserView(t("/registry/pods/"), { q: "" }).find).toBeUndefined();
    expect(browserView(t("/"), { q: "x".repeat(300) }).find).toHaveLength(256);
  });

  it("ignores malformed parameters, but keeps a revision that is not one for the page to refuse", () => {
    const v = browserView(t("a"), { revision: "-1", format: "xml" });
    expect(v.revision).toBeUndefined();
    // A revision that is not one is kept for the page to refuse, never read as "now".
    expect(v.badRevision).toBe("-1");
    expect(browserView(t("a"), { revision: "abc" }).badRevision).toBe("abc");
    expect(browserView(t("a"), { revision: "0" }).badRevision).toBe("0");
    expect(browserView(t("a"), { revision: "42" }).badRevision).toBeUndefined();
    expect(browserView(t("a"), {}).badRevision).toBeUndefined();
    expect(v.format).toBeUndefined();
  });

  it("round-trips through keyBrowserHref for any key, view and revision", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 30 }),
        fc.constantFrom(undefined, "key" as const, "search" as const),
        fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
        fc.constantFrom("/", ":", "."),
        fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
        (target, view, revision, sep, find) => {
          const href = keyBrowserHref("demo", target, { view, revision, separator: t(sep), find });
          const { target: parsed, params } = parseHref(href);
          expect(parsed).toEqual(target);
          const v = browserView(parsed ?? new Uint8Array(), params);
          expect(v.revision).toBe(revision);
          expect(v.separator).toEqual(t(sep));
          if (view) expect(v.mode).toBe(view);
          expect(v.find).toBe(find);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("prefix helpers", () => {
  it("find a key's directory and a prefix's ancestors", () => {
    expect(parentPrefix(t("/registry/pods/x"), t("/"))).toEqual(t("/registry/pods/"));
    expect(parentPrefix(t("/registry/pods/"), t("/"))).toEqual(t("/registry/"));
    expect(parentPrefix(t("x"), t("/"))).toEqual(t(""));
    expect(ancestorPrefixes(t("/registry/pods/"), t("/"))).toEqual([
      t(""),
      t("/"),
      t("/registry/"),
      t("/registry/pods/"),
    ]);
    expect(ancestorPrefixes(t("a::b::"), t("::"))).toEqual([t(""), t("a::"), t("a::b::")]);
  });
});

describe("targetFromPathname", () => {
  it("reads the key from what usePathname returns for any href", async () => {
    const { targetFromPathname } = await import("./browser-location");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 30 }), (target) => {
        const pathname = new URL(keyBrowserHref("demo", target), "http://x").pathname;
        expect(targetFromPathname(pathname, "demo")).toEqual(target);
      }),
    );
    expect(targetFromPathname("/clusters/demo/keys", "demo")).toEqual(new Uint8Array());
    expect(targetFromPathname("/clusters/other/keys/a", "demo")).toBeUndefined();
    expect(targetFromPathname("/clusters/demo/keys/%FF", "demo")).toBeUndefined();
    expect(targetFromPathname("/clusters/demo/keys/%25zz", "demo")).toBeUndefined();
  });
});
