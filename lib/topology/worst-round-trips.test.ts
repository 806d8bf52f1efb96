import { describe, expect, it } from "vitest";
import { makeMemberView } from "../test-factories/member-view-factory";
import { linkRoundTripBound } from "./link-round-trip";
import { worstRoundTrips } from "./worst-round-trips";

describe("worstRoundTrips", () => {
  it("takes each reachable member's slowest peer, and leaves out members with none", () => {
    const rtts = worstRoundTrips([
      makeMemberView({ id: "a", peerRoundTripsSeconds: { b: 0.002, c: 0.004 } }),
      makeMemberView({ id: "b", peerRoundTripsSeconds: {} }),
      makeMemberView({ id: "c", reachable: false, peerRoundTripsSeconds: { a: 0.5 } }),
    ]);
    expect([...rtts]).toEqual([["a", 0.004]]);
  });
});

describe("linkRoundTripBound", () => {
  it("takes the tighter of both members' worst round trips", () => {
    expect(linkRoundTripBound(0.004, 0.002)).toBe(0.002);
    expect(linkRoundTripBound(undefined, 0.002)).toBe(0.002);
    expect(linkRoundTripBound(undefined, undefined)).toBeUndefined();
  });
});
