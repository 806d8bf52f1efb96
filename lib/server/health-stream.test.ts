import { describe, expect, it } from "vitest";
import { openHealthStream } from "./health-stream";

const idlePoller = { health: undefined, subscribe: () => () => {} };

async function readUntilClosed(res: Response, withinMs: number): Promise<"closed" | "open"> {
  const reader = res.body?.getReader();
  if (!reader) throw new Error("no body");
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const next = await Promise.race([
      reader.read(),
      new Promise<"wait">((r) => setTimeout(() => r("wait"), deadline - Date.now())),
    ]);
    if (next !== "wait" && next.done) return "closed";
  }
  await reader.cancel();
  return "open";
}

describe("openHealthStream", () => {
  it("closes when the session ends", async () => {
    const res = openHealthStream(
      [{ poller: idlePoller }],
      new AbortController().signal,
      Date.now() + 200,
    );
    expect(await readUntilClosed(res, 5_000)).toBe("closed");
  });

  it("stays open without an end, until the viewer leaves", async () => {
    const viewer = new AbortController();
    const res = openHealthStream([{ poller: idlePoller }], viewer.signal);
    expect(await readUntilClosed(res, 400)).toBe("open");
  });
});

/** A stand-in for ClusterPoller.watch that counts the streams watching. */
function watchCounter(): { watch: () => () => void; watching: () => number } {
  let count = 0;
  return {
    watch: () => {
      count++;
      return () => {
        count--;
      };
    },
    watching: () => count,
  };
}

describe("a cluster page's stream", () => {
  it("watches its cluster while open, and stops when the viewer leaves", async () => {
    const { watch, watching } = watchCounter();
    const viewer = new AbortController();
    const res = openHealthStream([{ poller: idlePoller, watch }], viewer.signal);
    expect(watching()).toBe(1);
    const reading = readUntilClosed(res, 5_000);
    viewer.abort();
    expect(await reading).toBe("closed");
    expect(watching()).toBe(0);
  });

  it("stops watching when the session ends", async () => {
    const { watch, watching } = watchCounter();
    const res = openHealthStream(
      [{ poller: idlePoller, watch }],
      new AbortController().signal,
      Date.now() + 200,
    );
    expect(await readUntilClosed(res, 5_000)).toBe("closed");
    expect(watching()).toBe(0);
  });
});
