import "server-only";
import { RaftscopeError } from "../../errors";

/**
 * At most `limit` key reads in flight per cluster; later ones wait their turn in order, up to
 * `maxQueued`, beyond which a burst is refused rather than piled onto etcd.
 */
export class ReadSemaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly maxQueued: number,
    /** What waits, as the refusal names it. */
    private readonly what = "key reads",
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      if (this.waiting.length >= this.maxQueued) {
        throw new RaftscopeError(
          "RATE_LIMITED",
          `${this.maxQueued} ${this.what} are already waiting; try again shortly`,
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot overtake the queue.
      if (next) next();
      else this.active--;
    }
  }
}
