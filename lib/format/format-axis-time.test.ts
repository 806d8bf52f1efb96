import { describe, expect, it } from "vitest";
import { formatAxisTime } from "./format-axis-time";

const t = Date.UTC(2026, 10, 24, 14, 3, 20); // a Tuesday

describe("formatAxisTime", () => {
  it("names seconds within an hour, minutes within a day, and the day beyond", () => {
    expect(formatAxisTime(t, 60 * 60_000, "UTC")).toBe("14:03:20");
    expect(formatAxisTime(t, 6 * 60 * 60_000, "UTC")).toBe("14:03");
    expect(formatAxisTime(t, 7 * 24 * 60 * 60_000, "UTC")).toBe("Tue 14:03");
  });
});
