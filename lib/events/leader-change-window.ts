import type { EventBody } from "./cluster-event";

/**
 * The leader changes of the last `windowMs` of one cluster, for the verdict's
 * FREQUENT_LEADER_CHANGES (the etcd mixin's etcdHighNumberOfLeaderChanges: 4 or more within
 * 15 minutes, thresholds.leaderChangesWindowMs). Kept
 * as the detector finds them, so counting costs the changes in the window, not the event log's
 * length, and a change the disk refused to save still counts. Changes of an etcd cluster that
 * was replaced behind the same entry (`etcd_cluster_changed`) are not the new cluster's: the
 * count starts again there.
 */
export class LeaderChangeWindow {
  /** Unix ms of each change, oldest first. */
  private readonly times: number[] = [];

  /**
   * @param windowMs how far back a change counts, ms.
   * @param recorded the event log's events since `now - windowMs`, oldest first (each with its
   *   ISO `at`), so a restart keeps the window's count.
   */
  constructor(
    private readonly windowMs: number,
    recorded: ReadonlyArray<EventBody & { at: string }>,
  ) {
    for (const e of recorded) this.note([e], Date.parse(e.at));
  }

  /** Takes the events found at `atMs` (Unix ms). */
  note(events: readonly EventBody[], atMs: number): void {
    for (const e of events) {
      if (e.type === "etcd_cluster_changed") this.times.length = 0;
      else if (e.type === "leader_changed") this.times.push(atMs);
    }
  }

  /** Changes at or after `atMs` - windowMs; forgets older ones. */
  countAt(atMs: number): number {
    const from = atMs - this.windowMs;
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? 0) < from) drop++;
    if (drop > 0) this.times.splice(0, drop);
    return this.times.length;
  }
}
