import { describe, expect, it } from "vitest";
import { startupSpreadMs } from "./startup-spread";

describe("startupSpreadMs", () => {
  it("grows with the clusters a process starts, up to 10 s", () => {
    expect(startupSpreadMs(1)).toBe(50);
    expect(startupSpreadMs(20)).toBe(1_000);
    expect(startupSpreadMs(200)).toBe(10_000);
    expect(startupSpreadMs(5_000)).toBe(10_000);
  });
});
