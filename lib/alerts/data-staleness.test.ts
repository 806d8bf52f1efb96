import { describe, expect, it } from "vitest";
import { dataStaleness } from "./data-staleness";

const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();

describe("dataStaleness", () => {
  it("is fresh within three poll intervals", () => {
    expect(
      dataStaleness({ observedAt: at(10), lastGoodSweepAt: at(7), pollIntervalMs: 1000 }),
    ).toEqual({
      stale: false,
    });
  });

  it("is stale past three poll intervals, saying how old", () => {
    expect(
      dataStaleness({ observedAt: at(10), lastGoodSweepAt: at(6), pollIntervalMs: 1000 }),
    ).toEqual({
      stale: true,
      sinceMs: 4000,
    });
  });

  it("is stale when no member has ever answered", () => {
    expect(
      dataStaleness({ observedAt: at(10), lastGoodSweepAt: null, pollIntervalMs: 1000 }),
    ).toEqual({
      stale: true,
      sinceMs: null,
    });
  });
});
