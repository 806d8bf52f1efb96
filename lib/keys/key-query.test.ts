import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { BadRequestError } from "../errors";
import { textBytes } from "./key-bytes";
import { encodeKeyParam } from "./key-param";
import { parseListQuery, parseValueQuery } from "./key-query";
import { encodeCursor } from "./list-cursor";

function rejects(fn: () => unknown): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught instanceof BadRequestError || caught instanceof ZodError, String(caught)).toBe(
    true,
  );
}

describe("revision", () => {
  const message = (search: string): string => {
    try {
      parseListQuery(search);
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
    return "accepted";
  };

  it("takes any revision a cluster can reach, and says why one is refused", () => {
    expect(parseListQuery("?revision=9007199254740991").revision).toBe(9007199254740991);
    // Past 2^53: a revision no cluster reaches, answered as etcd answers a future revision.
    expect(message("?revision=12345678901234567")).toContain(
      "Revision 12345678901234567 is newer than the cluster's current revision",
    );
    expect(message("?revision=9223372036854775807")).toContain("is newer than");
    expect(message("?revision=9223372036854775808")).toContain("etcd's 64-bit revisions");
    expect(message(`?revision=${"9".repeat(40)}`)).toContain("etcd's 64-bit revisions");
    expect(message("?revision=00012")).toContain("must be a positive integer");
  });

  it("gives what is not a number one reason, never that it is a future revision", () => {
    for (const bad of ["abc", "2.5", "-3", "1e5", "0x10", " 7"]) {
      const text = message(`?revision=${encodeURIComponent(bad)}`);
      expect(text, bad).toContain("revision must be a positive integer");
      expect(text, bad).not.toContain("newer than");
    }
    expect(message("?limit=-2")).toContain("limit must be a positive integer");
  });
});

describe("parseListQuery", () => {
  it("reads bytes exactly and applies defaults", () => {
    const prefix = new Uint8Array([0x2f, 0x00, 0xff, 0x2f]);
    expect(parseListQuery(`?prefix=${encodeKeyParam(prefix)}`)).toEqual({
      prefix,
      separator: textBytes("/"),
      limit: 100,
    });
    expect(parseListQuery("")).toEqual({
      prefix: new Uint8Array(),
      separator: textBytes("/"),
      limit: 100,
    });
  });

  it("takes separator, limit, revision and a cursor", () => {
    const after = textBytes("/registry/pods0");
    const q = parseListQuery(
      `?prefix=/registry/&separator=%3A&limit=500&revision=12&after=${encodeCursor(after)}`,
    );
    expect(q).toEqual({
      prefix: textBytes("/registry/"),
      separator: textBytes(":"),
      limit: 500,
      revision: 12,
      after,
    });
    expect(parseListQuery("?separator=").separator).toEqual(new Uint8Array());
  });

  it("answers 400 to malformed input", () => {
    for (const search of [
      "?prefix=%zz",
      "?prefix=100%",
      "?limit=0",
      "?limit=501",
      "?limit=abc",
      "?limit=1.5",
      "?limit=-1",
      "?revision=0",
      "?revision=-3",
      "?revision=abc",
      "?revision=99999999999999999",
      "?after=garbage",
      `?prefix=/a/&after=${encodeCursor(textBytes("/b/x"))}`,
      `?separator=${"%2F".repeat(17)}`,
      "?limit=%FF",
    ]) {
      rejects(() => parseListQuery(search));
    }
  });
});

describe("parseValueQuery", () => {
  it("reads the key's bytes, revision and format", () => {
    const key = new Uint8Array([0x3c, 0x00, 0xfe]);
    expect(parseValueQuery(`?key=${encodeKeyParam(key)}&revision=7&format=json`)).toEqual({
      key,
      revision: 7,
      format: "json",
    });
    expect(parseValueQuery("?key=a&format=auto")).toEqual({ key: textBytes("a") });
  });

  it("answers 400 to a missing or malformed key, revision or format", () => {
    for (const search of ["", "?key=", "?key=%G1", "?key=a&revision=x", "?key=a&format=xml"]) {
      rejects(() => parseValueQuery(search));
    }
  });
});

describe("base64 key parameters", () => {
  const binary = Uint8Array.of(0x2f, 0x00, 0xff, 0xfe, 0x80, 0x2b, 0x3f);
  const std = Buffer.from(binary).toString("base64");
  const url = Buffer.from(binary).toString("base64url");

  it("take the exact bytes, in either base64 alphabet, escaped or not", () => {
    for (const value of [url, encodeURIComponent(std), std.replace(/\+/g, "%2B"), std]) {
      expect(parseValueQuery(`?keyBase64=${value}`).key, value).toEqual(binary);
    }
    expect(parseListQuery(`?prefixBase64=${url}`).prefix).toEqual(binary);
  });

  it("answer 400 to malformed base64 or to both spellings at once", () => {
    for (const search of [
      "?keyBase64=***",
      "?keyBase64=A",
      `?key=a&keyBase64=${url}`,
      "?keyBase64=",
    ]) {
      rejects(() => parseValueQuery(search));
    }
    rejects(() => parseListQuery(`?prefix=a&prefixBase64=${url}`));
  });
});
