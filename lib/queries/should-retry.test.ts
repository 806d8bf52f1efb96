import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./fetch-json";
import { shouldRetry } from "./should-retry";

describe("shouldRetry", () => {
  it("never repeats a request the server refused for what it asked", () => {
    for (const [status, code] of [
      [410, "REVISION_COMPACTED"],
      [404, "NOT_FOUND"],
      [400, "BAD_REQUEST"],
    ] as const) {
      expect(shouldRetry(0, new ApiRequestError("no", status, code))).toBe(false);
    }
  });

  it("tries once more after a network error or a 5xx, and only once", () => {
    expect(shouldRetry(0, new ApiRequestError("down", 503, "ETCD_UNAVAILABLE"))).toBe(true);
    expect(shouldRetry(0, new ApiRequestError("net", 0, "NETWORK"))).toBe(true);
    expect(shouldRetry(1, new ApiRequestError("down", 503, "ETCD_UNAVAILABLE"))).toBe(false);
  });
});
