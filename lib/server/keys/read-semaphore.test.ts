import { describe, expect, it } from "vitest";
import { RaftscopeError } from "../../errors";
import { ReadSemaphore } from "./read-semaphore";

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("ReadSemaphore", () => {
  it("runs at most `limit` tasks at once and the rest in arrival order", async () => {
    const sem = new ReadSemaphore(2, 10);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const gates = Array.from({ length: 6 }, deferred);
    const tasks = gates.map((gate, i) =>
      sem.run(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await gate.promise;
        running--;
      }),
    );
    expect(sem.inFlight).toBe(2);
    expect(sem.queued).toBe(4);
    for (const gate of gates) {
      gate.resolve();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(tasks);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sem.inFlight).toBe(0);
  });

  it("refuses a burst beyond its queue with RATE_LIMITED", async () => {
    const sem = new ReadSemaphore(1, 1);
    const gate = deferred();
    const first = sem.run(() => gate.promise);
    const second = sem.run(async () => "ok");
    await expect(sem.run(async () => "late")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(sem.run(async () => "late")).rejects.toBeInstanceOf(RaftscopeError);
    gate.resolve();
    await first;
    expect(await second).toBe("ok");
  });

  it("frees the slot when a task fails", async () => {
    const sem = new ReadSemaphore(1, 5);
    await expect(sem.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await sem.run(async () => 1)).toBe(1);
    expect(sem.inFlight).toBe(0);
  });
});
