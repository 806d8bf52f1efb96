import "server-only";
import { createHash, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import type { ScryptHash } from "../../auth/scrypt-hash";
import { RaftscopeError } from "../../errors";
import { ReadSemaphore } from "../keys/read-semaphore";

/** scrypt checks running at once: each holds a libuv pool thread (4 in all) and 32 MiB. */
export const MAX_CONCURRENT_SCRYPT = 2;
/** Checks waiting for a turn; beyond this an attempt is refused as busy, unchecked. */
export const MAX_QUEUED_SCRYPT = 16;
/** Retry-After for an attempt refused because every scrypt slot was taken. */
export const BUSY_RETRY_MS = 1_000;

export type TokenCheck = "ok" | "wrong" | "busy";

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

function scryptAsync(token: string, salt: Buffer, keylen: number, opts: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(token, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * Checks a presented token against the configured one in constant time. Both sides are
 * compared as equal-length digests, so neither the content nor the length of the secret leaks
 * through timing.
 */
export class TokenVerifier {
  /** Fixed per configured secret: signs sessions, so changing the token ends every session. */
  readonly fingerprint: Buffer;
  // After one successful scrypt, the token's SHA-256 stands in for it: API clients send the
  // Bearer token with every request, and 32 MiB of scrypt per request would be a denial of service.
  private verifiedDigest: Buffer | undefined;
  private readonly scryptSlots = new ReadSemaphore(
    MAX_CONCURRENT_SCRYPT,
    MAX_QUEUED_SCRYPT,
    "token checks",
  );

  private constructor(private readonly secret: { digest: Buffer } | { hash: ScryptHash }) {
    this.fingerprint =
      "digest" in secret
        ? secret.digest
        : sha256(
            `${secret.hash.N}$${secret.hash.r}$${secret.hash.p}$${secret.hash.salt}$${secret.hash.hash}`,
          );
  }

  static fromToken(token: string): TokenVerifier {
    return new TokenVerifier({ digest: sha256(token) });
  }

  static fromHash(hash: ScryptHash): TokenVerifier {
    return new TokenVerifier({ hash });
  }

  /**
   * "ok" or "wrong"; "busy" when MAX_CONCURRENT_SCRYPT checks run and MAX_QUEUED_SCRYPT wait
   * already, so a flood of guesses from many addresses cannot hold the thread pool.
   */
  async verify(presented: string): Promise<TokenCheck> {
    const digest = sha256(presented);
    if ("digest" in this.secret)
      return timingSafeEqual(digest, this.secret.digest) ? "ok" : "wrong";
    if (this.verifiedDigest && timingSafeEqual(digest, this.verifiedDigest)) return "ok";
    const { hash } = this.secret;
    try {
      return await this.scryptSlots.run(async () => {
        const expected = Buffer.from(hash.hash, "base64");
        const derived = await scryptAsync(
          presented,
          Buffer.from(hash.salt, "base64"),
          expected.length,
          { N: hash.N, r: hash.r, p: hash.p, maxmem: 256 * hash.N * hash.r },
        );
        const ok = timingSafeEqual(derived, expected);
        if (ok) this.verifiedDigest = digest;
        return ok ? "ok" : "wrong";
      });
    } catch (err) {
      if (err instanceof RaftscopeError && err.code === "RATE_LIMITED") return "busy";
      throw err;
    }
  }

  /** scrypt checks running now and waiting for a turn. */
  get scryptLoad(): { running: number; queued: number } {
    return { running: this.scryptSlots.inFlight, queued: this.scryptSlots.queued };
  }
}
