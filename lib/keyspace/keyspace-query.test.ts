import { describe, expect, it } from "vitest";
import { parseKeyspaceQuery } from "./keyspace-query";

describe("parseKeyspaceQuery", () => {
  it("reads a directory prefix, as bytes or base64, and a child limit", () => {
    expect(parseKeyspaceQuery("?prefix=%2Fregistry%2F&limit=5")).toEqual({
      prefix: new TextEncoder().encode("/registry/"),
      limit: 5,
    });
    expect(parseKeyspaceQuery("?prefixBase64=L2sv").prefix).toEqual(
      Uint8Array.of(0x2f, 0x6b, 0x2f),
    );
    expect(parseKeyspaceQuery("")).toEqual({ prefix: new Uint8Array(), limit: 100 });
  });

  it("refuses a prefix that is not a directory and a bad limit, saying which", () => {
    expect(() => parseKeyspaceQuery("?prefix=%2Fregistry%2Fpo")).toThrow(
      /prefix must be empty or end with/,
    );
    expect(() => parseKeyspaceQuery("?limit=0")).toThrow(/limit must be at least 1/);
    expect(() => parseKeyspaceQuery("?limit=9999")).toThrow(/limit must be at most 500/);
    expect(() => parseKeyspaceQuery("?limit=x")).toThrow(/limit must be an integer/);
  });
});
