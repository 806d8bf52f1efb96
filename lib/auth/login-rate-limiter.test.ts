import { describe, expect, it } from "vitest";
import { LoginRateLimiter } from "./login-rate-limiter";

function failTimes(limiter: LoginRateLimiter, address: string, times: number[]) {
  for (const t of times) limiter.recordFailure(address, t);
}

describe("LoginRateLimiter", () => {
  it("allows five failures a minute and refuses the sixth attempt for a minute", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 5; i++) {
      expect(limiter.check("10.0.0.1", i * 1000)).toEqual({ allowed: true });
      limiter.recordFailure("10.0.0.1", i * 1000);
    }
    expect(limiter.check("10.0.0.1", 5_000)).toEqual({ allowed: false, retryAfterMs: 59_000 });
    expect(limiter.check("10.0.0.1", 63_999).allowed).toBe(false);
    expect(limiter.check("10.0.0.1", 64_000).allowed).toBe(true);
  });

  it("counts per address", () => {
    const limiter = new LoginRateLimiter();
    failTimes(limiter, "10.0.0.1", [0, 1, 2, 3, 4]);
    expect(limiter.check("10.0.0.1", 10).allowed).toBe(false);
    expect(limiter.check("10.0.0.2", 10).allowed).toBe(true);
  });

  it("forgets failures older than the window", () => {
    const limiter = new LoginRateLimiter();
    failTimes(limiter, "a", [0, 15_000, 30_000, 45_000, 61_000]);
    expect(limiter.check("a", 61_001).allowed).toBe(true);
    limiter.recordFailure("a", 62_000);
    expect(limiter.check("a", 62_001).allowed).toBe(false);
  });

  it("doubles the lockout each time it is earned again, up to the cap", () => {
    const limiter = new LoginRateLimiter();
    let now = 0;
    const lockouts: number[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 4; i++) limiter.recordFailure("a", now);
      const verdict = limiter.recordFailure("a", now);
      if (verdict.allowed) throw new Error("expected a lockout");
      lockouts.push(verdict.retryAfterMs / 1000);
      now += verdict.retryAfterMs;
    }
    expect(lockouts).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it("starts the backoff over after a quiet spell, and after a success", () => {
    const limiter = new LoginRateLimiter();
    failTimes(limiter, "a", [0, 0, 0, 0, 0]);
    const quiet = 60_000 + 15 * 60_000 + 1;
    failTimes(limiter, "a", [quiet, quiet, quiet, quiet]);
    expect(limiter.recordFailure("a", quiet)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    limiter.recordSuccess("a");
    expect(limiter.check("a", quiet + 1).allowed).toBe(true);
  });

  it("keeps memory bounded, forgetting unlocked addresses first", () => {
    const limiter = new LoginRateLimiter({
      maxFailures: 2,
      windowMs: 60_000,
      baseLockoutMs: 60_000,
      maxLockoutMs: 60_000,
      maxAddresses: 3,
    });
    failTimes(limiter, "locked", [0, 0]);
    for (const a of ["b", "c", "d", "e"]) limiter.recordFailure(a, 1);
    expect(limiter.trackedAddresses).toBe(3);
    expect(limiter.check("locked", 2).allowed).toBe(false);
  });
});
