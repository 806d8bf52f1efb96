import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appRoutes } from "../../test-support/app-routes";
import { allowedMethods, classifyPath, loginPath, safeReturnPath } from "./route-access";

describe("classifyPath", () => {
  it("lets only the login page, its endpoint and the probes through", () => {
    expect(classifyPath("/login")).toBe("public");
    expect(classifyPath("/api/healthz")).toBe("public");
    expect(classifyPath("/api/readyz")).toBe("public");
    expect(classifyPath("/api/readyz/x")).toBe("api");
    expect(classifyPath("/api/healthzz")).toBe("api");
    expect(classifyPath("/login/")).toBe("public");
    expect(classifyPath("/api/auth/login")).toBe("public");
    expect(classifyPath("/api/auth/logout")).toBe("api");
    expect(classifyPath("/api/auth/login/x")).toBe("api");
    expect(classifyPath("/loginx")).toBe("page");
    expect(classifyPath("/api")).toBe("api");
    expect(classifyPath("/api/clusters/demo/stream")).toBe("api");
    expect(classifyPath("/")).toBe("page");
    expect(classifyPath("/apis")).toBe("page");
    expect(classifyPath("/metrics")).toBe("api");
    expect(classifyPath("/metrics/")).toBe("api");
  });
});

describe("safeReturnPath", () => {
  it("keeps pages on this server", () => {
    expect(safeReturnPath("/clusters/demo?window=1h")).toBe("/clusters/demo?window=1h");
  });

  it("sends everything else home", () => {
    for (const bad of [
      undefined,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/api/clusters",
      "/login",
      "/x\nSet-Cookie: a=b",
      "javascript:alert(1)",
      "/.//evil.example",
      "/./..//evil.example",
      "/clusters/../..//evil.example",
      "/%2e%2e//evil.example",
      "/clusters/%2E%2E/%2e//evil.example/x?y",
      "/\t/evil.example",
      "/clusters/../api/clusters",
      "http://raftscope.invalid//evil.example",
    ]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });

  it("returns the normalised path", () => {
    expect(safeReturnPath("/clusters/./demo/../demo?window=1h")).toBe("/clusters/demo?window=1h");
    expect(safeReturnPath("clusters/demo")).toBe("/clusters/demo");
  });

  it("never returns something a browser would read as another host, and only normalised paths", () => {
    const piece = fc.constantFrom(
      "/",
      ".",
      "..",
      "%2e",
      "%2E",
      "\\",
      "evil.example",
      "clusters",
      "?",
      "#",
      ":",
      "@",
      "http:",
      "\t",
    );
    for (const arb of [fc.string(), fc.array(piece, { maxLength: 10 }).map((p) => p.join(""))]) {
      fc.assert(
        fc.property(arb, (s) => {
          const out = safeReturnPath(s);
          const url = new URL(out, "http://raftscope.local");
          expect(url.host).toBe("raftscope.local");
          expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
          expect(`${url.pathname}${url.search}${url.hash}`).toBe(out);
        }),
        { numRuns: 2_000 },
      );
    }
  });

  it("builds the login address with where to go back to", () => {
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("/clusters/demo?w=1h")).toBe("/login?next=%2Fclusters%2Fdemo%3Fw%3D1h");
  });
});

describe("allowedMethods", () => {
  it("answers what each API route exports, and GET and HEAD alone elsewhere under /api", () => {
    for (const route of appRoutes()) {
      const allow = allowedMethods(route.path);
      if (route.kind === "page") {
        expect(allow, route.path).toBeUndefined();
        continue;
      }
      // The catch-all only answers a JSON 404, whatever the method.
      if (route.path === "/api/sample/nested") {
        expect(allow).toEqual(["GET", "HEAD"]);
        continue;
      }
      const exported = new Set(route.methods);
      if (exported.has("GET")) exported.add("HEAD");
      expect([...(allow ?? [])].sort(), route.path).toEqual([...exported].sort());
    }
    expect(allowedMethods("/api/clusters/demo/consistency/")).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods("/metrics")).toEqual(["GET", "HEAD"]);
    expect(allowedMethods("/clusters/demo")).toBeUndefined();
  });
});
