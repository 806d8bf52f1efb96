import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BadRequestError } from "../errors";
import { textBytes } from "./key-bytes";
import { decodeKeyParam, encodeKeyParam } from "./key-param";
import { rawQuery } from "./raw-query-params";

describe("key query parameters", () => {
  it("round-trip arbitrary byte arrays, invalid UTF-8 included", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeKeyParam(encodeKeyParam(bytes))).toEqual(bytes);
      }),
    );
  });

  it("round-trip through a real URL's query string", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const url = new URL(`http://x/api?key=${encodeKeyParam(bytes)}&limit=5`);
        const raw = rawQuery(url.search).get("key");
        expect(raw).toBeDefined();
        expect(decodeKeyParam(raw ?? "")).toEqual(bytes);
      }),
    );
  });

  it("decode what URLSearchParams and encodeURIComponent produce for text keys", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const viaForm = new URLSearchParams({ key: text }).toString().slice("key=".length);
        expect(decodeKeyParam(viaForm)).toEqual(textBytes(text.toWellFormed()));
        expect(decodeKeyParam(encodeURIComponent(text.toWellFormed()))).toEqual(
          textBytes(text.toWellFormed()),
        );
      }),
    );
  });

  it("keeps slashes readable and escapes everything risky", () => {
    expect(encodeKeyParam(textBytes("/registry/pods/a b%+&#<>"))).toBe(
      "/registry/pods/a%20b%25%2B%26%23%3C%3E",
    );
    expect(encodeKeyParam(new Uint8Array([0x00, 0xff]))).toBe("%00%FF");
  });

  it("rejects a % not followed by two hex digits", () => {
    for (const bad of ["%", "%4", "%zz", "a%g0", "100%"]) {
      expect(() => decodeKeyParam(bad), bad).toThrow(BadRequestError);
    }
  });
});

describe("rawQuery", () => {
  it("keeps values encoded and the first occurrence of a name", () => {
    const q = rawQuery("?prefix=%2Fa%FF&after=k1.YQ&prefix=other&flag");
    expect(q.get("prefix")).toBe("%2Fa%FF");
    expect(q.get("after")).toBe("k1.YQ");
    expect(q.get("flag")).toBe("");
  });
});

describe("keyQueryParam", () => {
  it("percent-encodes UTF-8 keys and spells other bytes in base64url", async () => {
    const { keyQueryParam } = await import("./key-param");
    expect(keyQueryParam("key", textBytes("/registry/a b"))).toBe("key=/registry/a%20b");
    expect(keyQueryParam("key", Uint8Array.of(0x2f, 0xff))).toBe("keyBase64=L_8");
  });

  it("round-trips any bytes through the value query parser", async () => {
    const { keyQueryParam } = await import("./key-param");
    const { parseValueQuery } = await import("./key-query");
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (key) => {
        expect(parseValueQuery(`?${keyQueryParam("key", key)}`).key).toEqual(key);
      }),
    );
  });
});
