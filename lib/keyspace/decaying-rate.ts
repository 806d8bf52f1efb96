/** Seconds over which recent writes and deletes are averaged. */
export const RATE_WINDOW_S = 60;

/**
 * An exponentially decaying event count: two numbers instead of a window of samples, so every
 * directory can carry one. `perSecond` is the rate over roughly the last `RATE_WINDOW_S`
 * seconds (the same weighting as Unix load averages).
 */
export class DecayingRate {
  private weight = 0;
  private at = 0;

  add(count: number, nowMs: number): void {
    this.weight = this.decayed(nowMs) + count;
    this.at = nowMs;
  }

  perSecond(nowMs: number): number {
    return this.decayed(nowMs) / RATE_WINDOW_S;
  }

  private decayed(nowMs: number): number {
    if (this.weight === 0) return 0;
    const elapsed = Math.max(0, nowMs - this.at) / 1000;
    return this.weight * Math.exp(-elapsed / RATE_WINDOW_S);
  }
}
