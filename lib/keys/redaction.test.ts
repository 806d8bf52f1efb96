import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startsWithBytes, textBytes } from "./key-bytes";
import { compileRedactionPatterns, DEFAULT_REDACT_PATTERNS, redactionFor } from "./redaction";

const t = textBytes;
const defaults = compileRedactionPatterns(DEFAULT_REDACT_PATTERNS);

describe("redaction rules", () => {
  it("cover every key under /registry/secrets/ by default, and nothing else", () => {
    expect(redactionFor(t("/registry/secrets/payments/db"), defaults)?.source).toBe(
      "/registry/secrets/*",
    );
    expect(redactionFor(t("/registry/secrets/"), defaults)).toBeDefined();
    for (const key of [
      "/registry/secrets",
      "/registry/secretsx/a",
      "/registry/configmaps/a/b",
      "secrets/a",
      "/registry/pods/secrets/a",
    ]) {
      expect(redactionFor(t(key), defaults), key).toBeUndefined();
    }
  });

  it("match the default pattern exactly when the key starts with the prefix", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 30 }), fc.boolean(), (tail, underSecrets) => {
        const key = underSecrets ? new Uint8Array([...t("/registry/secrets/"), ...tail]) : tail;
        expect(redactionFor(key, defaults) !== undefined).toBe(
          startsWithBytes(key, t("/registry/secrets/")),
        );
      }),
    );
  });

  it("support configured globs with * anywhere", () => {
    const patterns = compileRedactionPatterns(["*/tokens/*", "/config/*.key", "exact-key"]);
    expect(redactionFor(t("/registry/bootstrap/tokens/abc"), patterns)?.source).toBe("*/tokens/*");
    expect(redactionFor(t("/config/tls/server.key"), patterns)?.source).toBe("/config/*.key");
    expect(redactionFor(t("/config/tls/server.keys"), patterns)).toBeUndefined();
    expect(redactionFor(t("exact-key"), patterns)?.source).toBe("exact-key");
    expect(redactionFor(t("exact-key2"), patterns)).toBeUndefined();
    // The first and last runs may not overlap: "a*a" needs two a's.
    expect(redactionFor(t("a"), compileRedactionPatterns(["a*a"]))).toBeUndefined();
    expect(redactionFor(t("aa"), compileRedactionPatterns(["a*a"]))).toBeDefined();
  });

  it("read an entry ending in / as a prefix, with or without a * before it", () => {
    const patterns = compileRedactionPatterns(["/app/creds/", "*/tokens/"]);
    for (const key of ["/app/creds/", "/app/creds/db", "/app/creds/a/b/c", "/x/tokens/t"]) {
      expect(redactionFor(t(key), patterns), key).toBeDefined();
    }
    for (const key of ["/app/creds", "/app/credsx/db", "/app/cred/db", "/x/tokens"]) {
      expect(redactionFor(t(key), patterns), key).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (tail) => {
        const key = new Uint8Array([...t("/app/creds/"), ...tail]);
        expect(redactionFor(key, patterns)?.source).toBe("/app/creds/");
      }),
    );
  });

  it("agree with a regular-expression reading of the glob", () => {
    const alphabet = fc.constantFrom("a", "b", "/", "*");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 6 }),
        fc.array(fc.constantFrom("a", "b", "/"), { maxLength: 8 }),
        (p, k) => {
          const pattern = p.join("");
          const key = k.join("");
          const glob = pattern.endsWith("/") ? `${pattern}*` : pattern;
          const regex = new RegExp(`^${glob.replace(/[/]/g, "\\/").replace(/\*/g, ".*")}$`, "s");
          expect(redactionFor(t(key), compileRedactionPatterns([pattern])) !== undefined).toBe(
            regex.test(key),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
