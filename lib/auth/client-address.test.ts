import { describe, expect, it } from "vitest";
import {
  isSecureRequest,
  normalizeAddress,
  resolveClientAddress,
  splitPeerStamp,
} from "./client-address";

const trusted = (a: string) => a === "10.0.0.5" || a === "10.0.0.6";

describe("resolveClientAddress", () => {
  it("is unknown without a stamped peer, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress(undefined, "203.0.113.9", trusted)).toBe("unknown");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("198.51.100.7", "203.0.113.9", trusted)).toBe("198.51.100.7");
  });

  it("takes the rightmost untrusted hop behind trusted proxies", () => {
    expect(resolveClientAddress("10.0.0.5", "1.1.1.1, 203.0.113.9, 10.0.0.6", trusted)).toBe(
      "203.0.113.9",
    );
    expect(resolveClientAddress("10.0.0.5", "10.0.0.6", trusted)).toBe("10.0.0.6");
    expect(resolveClientAddress("10.0.0.5", null, trusted)).toBe("10.0.0.5");
  });
});

describe("isSecureRequest", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy or an unknown peer", () => {
    expect(isSecureRequest("10.0.0.5", "https", trusted)).toBe(true);
    expect(isSecureRequest("198.51.100.7", "https", trusted)).toBe(false);
    expect(isSecureRequest(undefined, "HTTPS, http", trusted)).toBe(true);
    expect(isSecureRequest("10.0.0.5", "http", trusted)).toBe(false);
    expect(isSecureRequest("10.0.0.5", null, trusted)).toBe(false);
  });
});

describe("peer stamps", () => {
  it("splits key and address, and refuses anything else", () => {
    expect(splitPeerStamp("k3y 127.0.0.1")).toEqual({ key: "k3y", address: "127.0.0.1" });
    expect(splitPeerStamp("k3y ::1")).toEqual({ key: "k3y", address: "::1" });
    for (const bad of [null, "", "k3y", " 127.0.0.1", "k3y "]) {
      expect(splitPeerStamp(bad)).toBeUndefined();
    }
  });

  it("unmaps IPv4-mapped IPv6", () => {
    expect(normalizeAddress("::ffff:10.0.0.5")).toBe("10.0.0.5");
    expect(normalizeAddress("::1")).toBe("::1");
  });
});
