import { describe, expect, it } from "vitest";
import { DecayingRate, RATE_WINDOW_S } from "./decaying-rate";

describe("DecayingRate", () => {
  it("settles at the event rate under a steady stream, and decays after it stops", () => {
    const rate = new DecayingRate();
    // 5 events a second for ten windows.
    for (let t = 0; t < RATE_WINDOW_S * 10 * 1000; t += 200) rate.add(1, t);
    const end = RATE_WINDOW_S * 10 * 1000;
    expect(rate.perSecond(end)).toBeCloseTo(5, 0);
    expect(rate.perSecond(end + RATE_WINDOW_S * 5 * 1000)).toBeLessThan(0.05);
  });

  it("is zero before any event", () => {
    expect(new DecayingRate().perSecond(1_000)).toBe(0);
  });
});
