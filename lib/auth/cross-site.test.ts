import { describe, expect, it } from "vitest";
import { assertSameSite, crossSiteProblem } from "./cross-site";

const h = (init: Record<string, string>) => new Headers(init);

describe("crossSiteProblem", () => {
  it("lets the dashboard's own fetch through", () => {
    expect(
      crossSiteProblem(
        h({
          "sec-fetch-site": "same-origin",
          origin: "http://127.0.0.1:3000",
          host: "127.0.0.1:3000",
        }),
      ),
    ).toBeNull();
  });

  it("lets a client that is not a browser through (it still needs a login)", () => {
    expect(crossSiteProblem(h({ host: "127.0.0.1:3000" }))).toBeNull();
  });

  it("refuses what another site makes a browser send", () => {
    expect(crossSiteProblem(h({ "sec-fetch-site": "cross-site" }))).toBe(
      "Sec-Fetch-Site is cross-site",
    );
    expect(crossSiteProblem(h({ "sec-fetch-site": "same-site" }))).toBe(
      "Sec-Fetch-Site is same-site",
    );
    expect(crossSiteProblem(h({ origin: "https://evil.example", host: "127.0.0.1:3000" }))).toBe(
      "Origin https://evil.example is not this server (127.0.0.1:3000)",
    );
    expect(crossSiteProblem(h({ origin: "null", host: "127.0.0.1:3000" }))).toBe(
      'Origin "null" is not a URL',
    );
  });

  it("refuses bodies a plain form can post, whatever the other headers say", () => {
    expect(
      crossSiteProblem(
        h({ "content-type": "text/plain;charset=UTF-8", "sec-fetch-site": "same-origin" }),
      ),
    ).toBe("a text/plain body, which any site can post");
  });

  it("throws a FORBIDDEN error naming the reason", () => {
    expect(() => assertSameSite(h({ "sec-fetch-site": "cross-site" }))).toThrow(
      expect.objectContaining({
        code: "FORBIDDEN",
        message: "Refused a cross-site request: Sec-Fetch-Site is cross-site",
      }),
    );
  });
});
