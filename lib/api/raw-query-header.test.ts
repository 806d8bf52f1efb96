import { describe, expect, it } from "vitest";
import { RAW_QUERY_HEADER, rawSearch, requestSearch } from "./raw-query-header";

describe("rawSearch", () => {
  it("keeps percent-encoded bytes exactly as sent", () => {
    expect(rawSearch("http://h/api?key=%2Fa%FF%00&x=1")).toBe("?key=%2Fa%FF%00&x=1");
  });

  it("is empty without a query, and stops at a fragment", () => {
    expect(rawSearch("http://h/api")).toBe("");
    expect(rawSearch("http://h/api?key=a#frag")).toBe("?key=a");
    expect(rawSearch("http://h/api#frag?x")).toBe("");
  });
});

describe("requestSearch", () => {
  it("prefers the query proxy.ts passed on", () => {
    const req = new Request("http://h/api?key=%EF%BF%BD", {
      headers: { [RAW_QUERY_HEADER]: "?key=%FF" },
    });
    expect(requestSearch(req)).toBe("?key=%FF");
    expect(requestSearch(new Request("http://h/api?key=a"))).toBe("?key=a");
  });
});
