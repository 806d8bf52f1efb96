import { describe, expect, it } from "vitest";
import { carryPeerRoundTrips, PEER_ROUND_TRIP_STALE_MS } from "./peer-round-trips";

describe("carryPeerRoundTrips", () => {
  const members = new Set(["a", "b"]);

  it("keeps the last measurement between probes and refreshes it when etcd measures again", () => {
    const first = carryPeerRoundTrips({ seconds: {}, measuredAt: {} }, { a: 0.01 }, members, 1000);
    const between = carryPeerRoundTrips(first, {}, members, 3000);
    expect(between.seconds).toEqual({ a: 0.01 });
    expect(between.measuredAt).toEqual({ a: 1000 });
    const again = carryPeerRoundTrips(between, { a: 0.02 }, members, 31_000);
    expect(again).toEqual({ seconds: { a: 0.02 }, measuredAt: { a: 31_000 }, stale: [] });
  });

  it("drops peers that are no longer members, at once", () => {
    const kept = carryPeerRoundTrips(
      { seconds: { a: 0.01, gone: 0.9 }, measuredAt: { a: 0, gone: 0 } },
      { gone: 0.8 },
      members,
      1000,
    );
    expect(Object.keys(kept.seconds)).toEqual(["a"]);
  });

  it("names values etcd has not refreshed within its probing period as stale", () => {
    const old = carryPeerRoundTrips(
      { seconds: { a: 0.3 }, measuredAt: { a: 0 } },
      {},
      members,
      PEER_ROUND_TRIP_STALE_MS + 1,
    );
    expect(old.stale).toEqual(["a"]);
  });
});
