import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAge } from "./format-age";
import { formatBytes } from "./format-bytes";
import { formatClock } from "./format-clock";
import { formatNumber } from "./format-number";
import { formatSeconds } from "./format-seconds";
import { formatValue } from "./format-value";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1.0 KiB"],
    [20 * 1024 * 1024, "20.0 MiB"],
    [2 * 1024 ** 3, "2.0 GiB"],
    [150 * 1024 ** 2, "150 MiB"],
  ])("%d bytes read %s", (n, text) => expect(formatBytes(n)).toBe(text));

  it("always gives a number and a known unit", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 ** 50, noNaN: true }), (n) => {
        expect(formatBytes(n)).toMatch(/^\d+(\.\d)? (B|KiB|MiB|GiB|TiB)$/);
      }),
    );
  });
});

describe("formatSeconds", () => {
  it.each([
    [0, "0 s"],
    [0.00085, "850 µs"],
    [0.0042, "4.20 ms"],
    [0.025, "25.0 ms"],
    [0.15, "150 ms"],
    [1.25, "1.25 s"],
    [75, "1 min 15 s"],
  ])("%d s reads %s", (n, text) => expect(formatSeconds(n)).toBe(text));

  it("keeps order: a longer duration never reads as a smaller number in the same unit", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 59, noNaN: true }), (s) => {
        const text = formatSeconds(s);
        const [num, unit] = text.split(" ");
        const factor = unit === "µs" ? 1e-6 : unit === "ms" ? 1e-3 : 1;
        expect(Math.abs(Number(num) * factor - s) / s).toBeLessThan(0.06);
      }),
    );
  });
});

describe("formatNumber and formatValue", () => {
  it("formats by unit", () => {
    expect(formatNumber(1234.5)).toBe("1,235");
    expect(formatNumber(12.34)).toBe("12.3");
    expect(formatNumber(0.01234)).toBe("0.012");
    expect(formatValue(97.5, "percent")).toBe("97.5 %");
    expect(formatValue(3.5, "rate")).toBe("3.50/s");
    expect(formatValue(0.375, "ratio")).toBe("0.38");
    expect(formatValue(1, "boolean")).toBe("yes");
  });
});

describe("formatClock and formatAge", () => {
  it("shows the time of day with seconds", () => {
    expect(formatClock(Date.UTC(2024, 0, 1, 14, 3, 20), "UTC")).toBe("14:03:20");
  });

  it("rounds ages coarsely", () => {
    expect(formatAge(500)).toBe("just now");
    expect(formatAge(42_000)).toBe("42 s ago");
    expect(formatAge(5 * 60_000)).toBe("5 min ago");
    expect(formatAge(3 * 3_600_000)).toBe("3 h ago");
  });
});
