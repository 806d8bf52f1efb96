import { GRPCDeadlineExceededError, isRecoverableError } from "etcd3";
import { describe, expect, it } from "vitest";
import { eventLoopLag } from "../poller/event-loop-lag";
import { keepChannelThroughOwnStalls } from "./member-client";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Holds the event loop for `ms`, as a saturated Raftscope process does. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

async function deadlineAfter(work: () => Promise<void>): Promise<Error> {
  try {
    await keepChannelThroughOwnStalls.execute(async () => {
      await work();
      throw new GRPCDeadlineExceededError("4 DEADLINE_EXCEEDED: Deadline exceeded");
    });
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the call to fail");
}

describe("keepChannelThroughOwnStalls", () => {
  it("leaves etcd3 its channel reset when the member was slow and Raftscope kept time", async () => {
    eventLoopLag();
    await sleep(120);
    const err = await deadlineAfter(() => sleep(1_000));
    expect(err).toBeInstanceOf(GRPCDeadlineExceededError);
    expect(isRecoverableError(err)).toBe(true);
  });

  it("keeps the channel when Raftscope's own loop was behind for the call", async () => {
    eventLoopLag();
    await sleep(120);
    const err = await deadlineAfter(async () => {
      await sleep(20);
      stall(400);
    });
    expect(err).toBeInstanceOf(GRPCDeadlineExceededError);
    expect(isRecoverableError(err)).toBe(false);
  });

  it("passes answers and other errors through untouched", async () => {
    await expect(keepChannelThroughOwnStalls.execute(async () => 42)).resolves.toBe(42);
    const other = new Error("14 UNAVAILABLE");
    await expect(
      keepChannelThroughOwnStalls.execute(async () => {
        throw other;
      }),
    ).rejects.toBe(other);
  });
});
