import { describe, expect, it } from "vitest";
import { textBytes } from "./key-bytes";
import { nameContains } from "./name-match";

describe("nameContains", () => {
  const key = textBytes("/registry/pods/default/Web-frontend-1");
  const prefix = "/registry/pods/".length;

  it("finds a substring of the name after the prefix, ignoring ASCII case", () => {
    expect(nameContains(key, prefix, textBytes("web"))).toBe(true);
    expect(nameContains(key, prefix, textBytes("default/web"))).toBe(true);
    expect(nameContains(key, prefix, textBytes("api"))).toBe(false);
  });

  it("never matches inside the prefix itself", () => {
    expect(nameContains(key, prefix, textBytes("pods"))).toBe(false);
  });

  it("matches bytes that are not UTF-8", () => {
    expect(nameContains(Uint8Array.of(0x2f, 0x6b, 0xfe), 1, Uint8Array.of(0xfe))).toBe(true);
  });
});
