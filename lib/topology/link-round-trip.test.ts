import { describe, expect, it } from "vitest";
import { linkRoundTrip, linkRoundTripBound } from "./link-round-trip";

describe("linkRoundTrip", () => {
  it("takes the slower measured direction between the two members", () => {
    expect(linkRoundTrip({ b: 0.002 }, { a: 0.005 }, "a", "b", 0.009, 0.009)).toEqual({
      kind: "measured",
      seconds: 0.005,
    });
    expect(linkRoundTrip({ b: 0.002 }, {}, "a", "b", undefined, undefined)).toEqual({
      kind: "measured",
      seconds: 0.002,
    });
  });

  it("falls back to the bound from each member's worst peer when the pair was not measured", () => {
    expect(linkRoundTrip({ c: 0.1 }, undefined, "a", "b", 0.1, 0.004)).toEqual({
      kind: "bound",
      seconds: 0.004,
    });
    expect(linkRoundTrip(undefined, undefined, "a", "b", undefined, undefined)).toBeUndefined();
  });
});

describe("linkRoundTripBound", () => {
  it("is the tighter of the two bounds", () => {
    expect(linkRoundTripBound(0.01, 0.003)).toBe(0.003);
    expect(linkRoundTripBound(undefined, 0.003)).toBe(0.003);
    expect(linkRoundTripBound(undefined, undefined)).toBeUndefined();
  });
});
