import { describe, expect, it } from "vitest";
import { textBytes } from "./key-bytes";
import { keyLengthProblem, keyPagePathProblem, MAX_KEY_BYTES, MAX_KEY_DEPTH } from "./key-limits";
import { keyToPath } from "./key-path";
import { parseListQuery, parseValueQuery } from "./key-query";

const page = (key: Uint8Array) => `/clusters/demo/keys/${keyToPath(key)}`;

describe("key caps", () => {
  it("let through key pages up to the caps, and other pages", () => {
    expect(keyPagePathProblem(page(textBytes("/registry/pods/default/web-0")))).toBeUndefined();
    expect(keyPagePathProblem(page(textBytes("a/".repeat(MAX_KEY_DEPTH - 1))))).toBeUndefined();
    expect(keyPagePathProblem(page(new Uint8Array(MAX_KEY_BYTES).fill(0xff)))).toBeUndefined();
    const atCaps = textBytes(`${"k".repeat(31)}/`.repeat(MAX_KEY_DEPTH));
    expect(atCaps.length).toBe(MAX_KEY_BYTES);
    expect(keyPagePathProblem(page(atCaps))).toBeUndefined();
    expect(keyPagePathProblem("/clusters/demo")).toBeUndefined();
    expect(keyPagePathProblem(`/elsewhere/${"a/".repeat(7_000)}`)).toBeUndefined();
  });

  it("refuse key pages deeper or longer than the caps, naming the cap", () => {
    expect(keyPagePathProblem(page(textBytes("a/".repeat(7_000))))).toMatch(
      /7000 levels deep; .* at most 256 levels/,
    );
    expect(keyPagePathProblem(page(new Uint8Array(MAX_KEY_BYTES + 1).fill(0xff)))).toMatch(
      /8193 bytes long; .* at most 8192 bytes/,
    );
    expect(keyPagePathProblem(page(textBytes("x".repeat(MAX_KEY_BYTES + 1))))).toMatch(/8193/);
  });

  it("refuse API keys, prefixes and cursors over the cap with a 400", () => {
    const long = "k".repeat(MAX_KEY_BYTES + 1);
    expect(keyLengthProblem("key", textBytes(long))).toMatch(/key is 8193 bytes long/);
    expect(() => parseValueQuery(`?key=${long}`)).toThrow(/key is 8193 bytes long/);
    expect(() => parseValueQuery(`?keyBase64=${btoa(long)}`)).toThrow(/8193 bytes/);
    expect(() => parseListQuery(`?prefix=${long}`)).toThrow(/prefix is 8193 bytes long/);
    expect(parseValueQuery(`?key=${"k".repeat(MAX_KEY_BYTES)}`).key).toHaveLength(MAX_KEY_BYTES);
  });
});
