import "server-only";
import { type EventLoopUtilization, performance } from "node:perf_hooks";

const TICK_MS = 50;
const KEEP_MS = 120_000;
/** Utilization readings kept: one per tick, 30 s of them. */
const KEEP_READINGS = 600;

interface Late {
  /** When the late tick ran, epoch ms. */
  at: number;
  /** How much later than asked it ran, ms. */
  lagMs: number;
}

/**
 * Raftscope's own event-loop delay, measured by a timer that should tick every 50 ms: when it
 * ticks late, everything in the process ran late, deadlines of calls to etcd included. Written
 * by hand because it must answer "how late was the loop between t1 and t2", which Node's
 * monitorEventLoopDelay histogram cannot. One per process.
 */
class EventLoopLag {
  private late: Late[] = [];
  /** Node's cumulative event-loop utilization at each tick, with its time (epoch ms). */
  private readings: { at: number; elu: EventLoopUtilization }[] = [];
  private expected = Date.now() + TICK_MS;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    if (this.timer) return;
    this.expected = Date.now() + TICK_MS;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  private tick(): void {
    const now = Date.now();
    const lagMs = now - this.expected;
    this.expected = now + TICK_MS;
    this.readings.push({ at: now, elu: performance.eventLoopUtilization() });
    if (this.readings.length > KEEP_READINGS * 2)
      this.readings = this.readings.slice(-KEEP_READINGS);
    if (lagMs > TICK_MS) {
      this.late.push({ at: now, lagMs });
      const cutoff = now - KEEP_MS;
      if (this.late.length > 256 || (this.late[0]?.at ?? now) < cutoff) {
        this.late = this.late.filter((l) => l.at >= cutoff).slice(-256);
      }
    }
  }

  /**
   * The longest stall that overlapped the interval [fromMs, toMs] (epoch ms), in ms; 0 when the
   * loop kept time. A stall still under way is counted up to now.
   */
  maxLagBetween(fromMs: number, toMs: number): number {
    // The tick that will notice a stall just ended may not have run yet: count it already.
    const overdue = Date.now() - this.expected;
    let worst = overdue > TICK_MS ? overdue : 0;
    for (const l of this.late) {
      const stallStart = l.at - l.lagMs;
      if (l.at >= fromMs && stallStart <= toMs) worst = Math.max(worst, l.lagMs);
    }
    return worst;
  }

  /**
   * How long the loop was behind during [fromMs, toMs] (epoch ms), in ms: the late ticks'
   * delays added up, a stall still under way counted up to now.
   */
  stalledMsBetween(fromMs: number, toMs: number): number {
    const overdue = Date.now() - this.expected;
    let total = overdue > TICK_MS ? overdue : 0;
    for (const l of this.late) {
      if (l.at >= fromMs && l.at - l.lagMs <= toMs) total += l.lagMs;
    }
    return total;
  }

  /**
   * The share of the time from `fromMs` (epoch ms) until now that the loop spent running code
   * rather than waiting for I/O, 0 to 1, from Node's eventLoopUtilization (read every 50 ms). Near 1, the
   * process is saturated: answers wait in the kernel's queue, and a deadline can pass with no
   * single long stall. Measured from the oldest reading kept when none is that old; 0 before
   * the first.
   */
  utilizationSince(fromMs: number): number {
    let start: EventLoopUtilization | undefined;
    for (let i = this.readings.length - 1; i >= 0; i--) {
      const r = this.readings[i];
      if (!r) break;
      start = r.elu;
      if (r.at <= fromMs) break;
    }
    if (!start) return 0;
    return performance.eventLoopUtilization(performance.eventLoopUtilization(), start).utilization;
  }

  /**
   * Whether Raftscope's own loop can explain a call from `fromMs` until now (epoch ms) running
   * late: behind for at least `stallShare` of it, stalls added up, or busy for at least
   * `busyShare` of it.
   */
  ranLateSince(fromMs: number, stallShare: number, busyShare: number): boolean {
    const now = Date.now();
    return (
      this.stalledMsBetween(fromMs, now) >= (now - fromMs) * stallShare ||
      this.utilizationSince(fromMs) >= busyShare
    );
  }

  /** The longest stall in the last `windowMs`, in ms. */
  recentMaxMs(windowMs: number): number {
    const now = Date.now();
    return this.maxLagBetween(now - windowMs, now);
  }
}

const globalForLag = globalThis as unknown as { raftscopeEventLoopLag?: EventLoopLag };

/** The process's event-loop lag monitor, started on first use. */
export function eventLoopLag(): EventLoopLag {
  globalForLag.raftscopeEventLoopLag ??= new EventLoopLag();
  globalForLag.raftscopeEventLoopLag.start();
  return globalForLag.raftscopeEventLoopLag;
}
