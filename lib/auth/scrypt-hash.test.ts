import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScryptHash, scryptHashSchema } from "./scrypt-hash";

const b64 = (n: number) =>
  fc.uint8Array({ minLength: n, maxLength: n + 16 }).map((b) => Buffer.from(b).toString("base64"));

describe("scrypt hash format", () => {
  it("reads back what it writes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 14, max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 16 }),
        b64(16),
        b64(32),
        (log2N, r, p, salt, hash) => {
          const h = { N: 2 ** log2N, r, p, salt, hash };
          const parsed = scryptHashSchema.safeParse(formatScryptHash(h));
          // 128 · N · r over 256 MiB is refused on purpose.
          if (128 * h.N * r > 256 * 1024 * 1024) return !parsed.success;
          return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(h);
        },
      ),
    );
  });

  it("refuses other schemes, weak or huge costs, and short salts", () => {
    const salt = Buffer.alloc(16).toString("base64");
    const hash = Buffer.alloc(32).toString("base64");
    for (const bad of [
      `bcrypt$16384$8$1$${salt}$${hash}`,
      `scrypt$1024$8$1$${salt}$${hash}`,
      `scrypt$30000$8$1$${salt}$${hash}`,
      `scrypt$16384$8$1$${Buffer.alloc(8).toString("base64")}$${hash}`,
      `scrypt$16384$8$1$${salt}`,
      `scrypt$016384$8$1$${salt}$${hash}`,
      `scrypt$16384$8$1$not base64!$${hash}`,
    ]) {
      expect(scryptHashSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
