import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyPath, loginPath, safeReturnPath } from "./route-access";

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
    ]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });

  it("never returns something a browser would read as another host", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeReturnPath(s);
        const url = new URL(out, "http://raftscope.local");
        return url.host === "raftscope.local" && out.startsWith("/") && !out.startsWith("//");
      }),
    );
  });

  it("builds the login address with where to go back to", () => {
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("/clusters/demo?w=1h")).toBe("/login?next=%2Fclusters%2Fdemo%3Fw%3D1h");
  });
});
