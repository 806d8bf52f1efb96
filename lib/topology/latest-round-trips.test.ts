import { describe, expect, it } from "vitest";
import { makeHistory } from "../alerts/make-history";
import { latestRoundTrips } from "./latest-round-trips";
import { linkRoundTripBound } from "./link-round-trip";

describe("latestRoundTrips", () => {
  it("takes each member's newest value, skipping points where it had none", () => {
    const points = makeHistory({
      minutes: 1,
      stepMs: 10_000,
      sample: (id, _t, ago) =>
        id === "b" && ago < 0.3
          ? {}
          : { peerRoundTripP99Seconds: id === "a" ? 0.002 : 0.004 + ago },
    });
    const rtts = latestRoundTrips(points);
    expect(rtts.get("a")).toBe(0.002);
    // b's newest value is from 20 s before the end.
    expect(rtts.get("b")).toBeCloseTo(0.004 + 1 / 3);
  });

  it("does not reach back further than the limit", () => {
    const points = makeHistory({
      minutes: 5,
      sample: (_id, _t, ago) => (ago > 2 ? { peerRoundTripP99Seconds: 0.01 } : {}),
    });
    expect(latestRoundTrips(points).size).toBe(0);
  });
});

describe("linkRoundTripBound", () => {
  it("takes the tighter of both members' worst round trips", () => {
    expect(linkRoundTripBound(0.004, 0.002)).toBe(0.002);
    expect(linkRoundTripBound(undefined, 0.002)).toBe(0.002);
    expect(linkRoundTripBound(undefined, undefined)).toBeUndefined();
  });
});
