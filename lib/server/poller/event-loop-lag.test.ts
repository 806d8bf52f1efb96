import { describe, expect, it } from "vitest";
import { eventLoopLag } from "./event-loop-lag";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps the loop busy for `ms` in 20 ms slices, yielding between them: no single long stall. */
async function busyInSlices(ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const sliceEnd = Math.min(end, Date.now() + 20);
    while (Date.now() < sliceEnd) {
      // busy
    }
    await new Promise((r) => setImmediate(r));
  }
}

describe("eventLoopLag", () => {
  it("tells a saturated loop, made of short tasks, from an idle one", async () => {
    const lag = eventLoopLag();
    await sleep(200);
    const idleFrom = Date.now();
    await sleep(600);
    expect(lag.utilizationSince(idleFrom)).toBeLessThan(0.5);
    expect(lag.ranLateSince(idleFrom, 0.25, 0.9)).toBe(false);

    const busyFrom = Date.now();
    await busyInSlices(800);
    expect(lag.utilizationSince(busyFrom)).toBeGreaterThan(0.9);
    // No stall was long enough to count, yet the loop explains any call that ran late.
    expect(lag.stalledMsBetween(busyFrom, Date.now())).toBeLessThan(800 * 0.25);
    expect(lag.ranLateSince(busyFrom, 0.25, 0.9)).toBe(true);
  });
});
