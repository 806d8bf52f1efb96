import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textBytes } from "./key-bytes";
import { keyToPath, pathToKey } from "./key-path";

/** What Next.js hands a catch-all page: the path split on "/", each segment URI-decoded. */
function asNextParams(path: string): string[] {
  if (path === "") return [];
  return path.split("/").map((s) => decodeURIComponent(s));
}

/** What a browser sends: the WHATWG URL parser normalises the path. */
function throughBrowser(path: string): string {
  return new URL(`http://x/clusters/demo/keys/${path}`).pathname.slice(
    "/clusters/demo/keys/".length,
  );
}

describe("key paths in page URLs", () => {
  it("round-trip arbitrary byte arrays through a browser URL and Next's param decoding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (key) => {
        const path = keyToPath(key);
        expect(throughBrowser(path)).toBe(path);
        expect(pathToKey(asNextParams(path))).toEqual(key);
      }),
    );
  });

  it("round-trip keys built from awkward components", () => {
    const component = fc.constantFrom("", ".", "..", "~", "%", "a b", "<script>", "é", "\u0000");
    fc.assert(
      fc.property(fc.array(component, { maxLength: 6 }), (parts) => {
        const key = textBytes(parts.join("/"));
        const path = keyToPath(key);
        expect(throughBrowser(path)).toBe(path);
        expect(pathToKey(asNextParams(path))).toEqual(key);
      }),
    );
  });

  it("keeps Kubernetes keys readable", () => {
    expect(keyToPath(textBytes("/registry/pods/default/nginx-7c5d"))).toBe(
      "~/registry/pods/default/nginx-7c5d",
    );
    expect(keyToPath(textBytes("/registry/pods/"))).toBe("~/registry/pods/~");
    expect(keyToPath(textBytes("feature-flags"))).toBe("feature-flags");
    expect(keyToPath(textBytes("rate limit 100%"))).toBe("rate%2520limit%2520100%2525");
    expect(keyToPath(textBytes("a/../b"))).toBe("a/%252E%252E/b");
  });

  it("never produces an empty, dot or trailing-slash segment", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (key) => {
        for (const segment of keyToPath(key).split("/")) {
          expect(segment).not.toBe("");
          expect(segment).not.toBe(".");
          expect(segment).not.toBe("..");
        }
      }),
    );
  });

  it("accepts hand-typed text and rejects malformed escapes", () => {
    expect(pathToKey(["~", "registry", "pods", "my pod"])).toEqual(
      textBytes("/registry/pods/my pod"),
    );
    expect(pathToKey(["%zz"])).toBeUndefined();
    expect(pathToKey(["100%"])).toBeUndefined();
  });
});
