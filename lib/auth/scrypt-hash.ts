import { z } from "zod";

/** Cost parameters and encoded salt and hash of a token stored as `scrypt$N$r$p$salt$hash`. */
export interface ScryptHash {
  N: number;
  r: number;
  p: number;
  /** Base64 (standard alphabet). */
  salt: string;
  /** Base64 (standard alphabet). */
  hash: string;
}

/**
 * What `scripts/hash-token.ts` writes: N = 2^15 and r = 8 cost 32 MiB and about 50–100 ms per
 * verification, enough to make an offline guess at a leaked hash slow.
 */
export const scryptDefaults = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
const decimal = /^[1-9][0-9]*$/;

/**
 * Bounds keep a mistyped hash from asking for gigabytes of memory at every login:
 * 128 · N · r bytes is what scrypt allocates.
 */
export const scryptHashSchema = z
  .string()
  .transform((text, ctx): ScryptHash => {
    const parts = text.trim().split("$");
    const [scheme, n, r, p, salt, hash] = parts;
    if (
      parts.length !== 6 ||
      scheme !== "scrypt" ||
      n === undefined ||
      r === undefined ||
      p === undefined ||
      salt === undefined ||
      hash === undefined ||
      ![n, r, p].every((x) => decimal.test(x)) ||
      !base64.test(salt) ||
      !base64.test(hash)
    ) {
      ctx.addIssue({
        code: "custom",
        message:
          "expected scrypt$N$r$p$salt$hash with base64 salt and hash, as `npx tsx scripts/hash-token.ts` prints",
      });
      return z.NEVER;
    }
    return { N: Number(n), r: Number(r), p: Number(p), salt, hash };
  })
  .refine((h) => h.N >= 2 ** 14 && h.N <= 2 ** 20 && (h.N & (h.N - 1)) === 0, {
    message: "N must be a power of two from 16384 to 1048576",
  })
  .refine((h) => h.r >= 1 && h.r <= 32 && h.p >= 1 && h.p <= 16, {
    message: "r must be 1–32 and p 1–16",
  })
  .refine((h) => 128 * h.N * h.r <= 256 * 1024 * 1024, {
    message: "128 · N · r must stay within 256 MiB",
  })
  .refine((h) => decodedLength(h.salt) >= 16 && decodedLength(h.hash) >= 32, {
    message: "the salt must be at least 16 bytes and the hash at least 32",
  });

function decodedLength(b64: string): number {
  const padding = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

/** Writes a hash in the `scrypt$N$r$p$salt$hash` format that {@link scryptHashSchema} reads. */
export function formatScryptHash(h: ScryptHash): string {
  return ["scrypt", h.N, h.r, h.p, h.salt, h.hash].join("$");
}
