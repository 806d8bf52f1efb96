import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./content-security-policy";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("runs only nonced scripts, with no inline or eval in production", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc123==", dev: false, https: false }));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only for next dev, and upgrades requests only on https", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(true);
  });

  it("comes with nosniff, DENY framing and no referrer", () => {
    expect(securityHeaders("x")).toMatchObject({
      "Content-Security-Policy": "x",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "no-referrer",
    });
  });
});
