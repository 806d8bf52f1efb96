export interface RateLimitPolicy {
  /** Failed attempts allowed per address within `windowMs`; the next one is refused. */
  maxFailures: number;
  windowMs: number;
  /** The first lockout; each further one in a row doubles, up to `maxLockoutMs`. */
  baseLockoutMs: number;
  maxLockoutMs: number;
  /** Addresses tracked at most; the oldest is forgotten first, so memory stays bounded. */
  maxAddresses: number;
}

export const defaultRateLimitPolicy: RateLimitPolicy = {
  maxFailures: 5,
  windowMs: 60_000,
  baseLockoutMs: 60_000,
  maxLockoutMs: 15 * 60_000,
  maxAddresses: 10_000,
};

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

interface AddressRecord {
  failures: number[];
  lockedUntil: number;
  /** Lockouts in a row; reset once an address stays quiet for a whole `maxLockoutMs`. */
  lockouts: number;
}

/**
 * Counts failed logins (and failed Bearer tokens) per client address: `maxFailures` per
 * `windowMs`, then a lockout that doubles each time it is earned again. Time is passed in, so
 * the same object serves the server and the tests.
 */
export class LoginRateLimiter {
  private readonly records = new Map<string, AddressRecord>();

  constructor(private readonly policy: RateLimitPolicy = defaultRateLimitPolicy) {}

  /** Whether an attempt from `address` may be checked at all right now. */
  check(address: string, now: number): RateLimitVerdict {
    const record = this.records.get(address);
    if (!record || now >= record.lockedUntil) return { allowed: true };
    return { allowed: false, retryAfterMs: record.lockedUntil - now };
  }

  /**
   * Reserves one attempt before its token is checked: refused while the address is locked out,
   * otherwise counted as a failure at once, so attempts racing past an `await` each see the
   * others (500 at once get 5 checks, not 500). A correct token then clears the record through
   * recordSuccess. The lockout the fifth reservation earns applies from the sixth attempt on.
   */
  reserve(address: string, now: number): RateLimitVerdict {
    const verdict = this.check(address, now);
    if (!verdict.allowed) return verdict;
    this.recordFailure(address, now);
    return { allowed: true };
  }

  recordFailure(address: string, now: number): RateLimitVerdict {
    const record = this.touch(address, now);
    record.failures = record.failures.filter((t) => now - t < this.policy.windowMs);
    record.failures.push(now);
    if (record.failures.length < this.policy.maxFailures) return { allowed: true };
    record.lockouts += 1;
    const lockout = Math.min(
      this.policy.baseLockoutMs * 2 ** (record.lockouts - 1),
      this.policy.maxLockoutMs,
    );
    record.lockedUntil = now + lockout;
    record.failures = [];
    return { allowed: false, retryAfterMs: lockout };
  }

  /** A correct token clears the address's record: the person at it knows the secret. */
  recordSuccess(address: string): void {
    this.records.delete(address);
  }

  get trackedAddresses(): number {
    return this.records.size;
  }

  private touch(address: string, now: number): AddressRecord {
    let record = this.records.get(address);
    if (record && now - record.lockedUntil > this.policy.maxLockoutMs) record.lockouts = 0;
    if (!record) {
      record = { failures: [], lockedUntil: 0, lockouts: 0 };
      if (this.records.size >= this.policy.maxAddresses) this.evictOne(now);
    } else {
      // Re-inserting keeps the map ordered by last activity, oldest first.
      this.records.delete(address);
    }
    this.records.set(address, record);
    return record;
  }

  private evictOne(now: number): void {
    for (const [address, record] of this.records) {
      if (now >= record.lockedUntil) {
        this.records.delete(address);
        return;
      }
    }
    const oldest = this.records.keys().next();
    if (!oldest.done) this.records.delete(oldest.value);
  }
}
