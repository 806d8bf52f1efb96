import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePrometheusValue } from "./parse-prometheus-value";

describe("parsePrometheusValue", () => {
  it("reads the forms etcd writes", () => {
    expect(parsePrometheusValue("0")).toBe(0);
    expect(parsePrometheusValue("221")).toBe(221);
    expect(parsePrometheusValue("2.147483648e+09")).toBe(2147483648);
    expect(parsePrometheusValue("0.0038540930000000003")).toBe(0.0038540930000000003);
    expect(parsePrometheusValue("-1.5E-3")).toBe(-0.0015);
    expect(parsePrometheusValue(".5")).toBe(0.5);
  });

  it("reads infinities and NaN in Go's spellings", () => {
    expect(parsePrometheusValue("+Inf")).toBe(Number.POSITIVE_INFINITY);
    expect(parsePrometheusValue("Inf")).toBe(Number.POSITIVE_INFINITY);
    expect(parsePrometheusValue("-Inf")).toBe(Number.NEGATIVE_INFINITY);
    expect(parsePrometheusValue("NaN")).toBeNaN();
  });

  it("rejects what Number() would quietly accept", () => {
    for (const token of ["", " ", "0x10", "1_000", "12abc", "Infinityy", "e5", "--1", "true"]) {
      expect(parsePrometheusValue(token), JSON.stringify(token)).toBeUndefined();
    }
  });

  it("reads back every number as JavaScript and Go print it", () => {
    fc.assert(
      // String(-0) is "0", so -0 cannot survive the trip.
      fc.property(
        fc.double({ noNaN: true }).filter((v) => !Object.is(v, -0)),
        (value) => {
          const printed = Number.isFinite(value) ? String(value) : value > 0 ? "+Inf" : "-Inf";
          expect(parsePrometheusValue(printed)).toBe(value);
          // Go's %g style exponent, e.g. 2.147483648e+09
          if (Number.isFinite(value)) {
            expect(parsePrometheusValue(value.toExponential())).toBe(value);
          }
        },
      ),
    );
  });
});
