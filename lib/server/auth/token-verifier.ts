import "server-only";
import { createHash, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import type { ScryptHash } from "../../auth/scrypt-hash";

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

  async verify(presented: string): Promise<boolean> {
    const digest = sha256(presented);
    if ("digest" in this.secret) return timingSafeEqual(digest, this.secret.digest);
    if (this.verifiedDigest && timingSafeEqual(digest, this.verifiedDigest)) return true;
    const { N, r, p } = this.secret.hash;
    const expected = Buffer.from(this.secret.hash.hash, "base64");
    const derived = await scryptAsync(
      presented,
      Buffer.from(this.secret.hash.salt, "base64"),
      expected.length,
      { N, r, p, maxmem: 256 * N * r },
    );
    const ok = timingSafeEqual(derived, expected);
    if (ok) this.verifiedDigest = digest;
    return ok;
  }
}
