import { peakFields } from "./downsample";
import { compact, type HistoryColumns, memberSampleFields } from "./history-columns";
import type { HistoryPoint, MemberSample } from "./history-point";

const isPeak = memberSampleFields.map((f) => peakFields.includes(f));

/** A member's columns: `reachable` is 1, 0, or -1 where the member was not in the point. */
interface MemberColumns {
  readonly id: string;
  reachable: Int8Array;
  /** One per memberSampleFields entry, NaN where the field was not known; made on first value. */
  fields: (Float64Array | undefined)[];
  /** The sequence number of the newest point that held this member. */
  lastSeen: number;
}

/** Slots allocated at first; doubled as points arrive, up to the capacity. */
const FIRST_SLOTS = 64;

/**
 * The chart history of one cluster: the newest `capacity` points (one a second, an hour by
 * default), kept as columns of typed arrays rather than as objects. A point of 3 members as
 * objects costs about 2.8 KB of heap (every number boxed); here it costs 8 bytes per field and
 * member, about 0.4 KB, whatever the member count. Columns grow by doubling, so a new cluster
 * does not hold a full hour of empty slots. A member missing from every kept point is dropped.
 *
 * Numbers are kept as float64, so values read back exactly; a field that is not a finite number
 * reads back as unknown (left out of the sample), as the history API answers it.
 */
export class HistoryRing {
  private slots: number;
  private start = 0;
  private count = 0;
  /** How many points were ever pushed: the sequence number of the next one. */
  private pushed = 0;
  private t: Float64Array;
  private raftTerm: Float64Array;
  private leaderId: (string | null)[];
  private readonly members = new Map<string, MemberColumns>();

  /** @throws RangeError when `capacity` is not a positive integer. */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`history capacity must be a positive integer, got ${capacity}`);
    }
    this.slots = Math.min(capacity, FIRST_SLOTS);
    this.t = new Float64Array(this.slots);
    this.raftTerm = new Float64Array(this.slots);
    this.leaderId = new Array<string | null>(this.slots).fill(null);
  }

  get length(): number {
    return this.count;
  }

  /** The newest point's time (Unix ms), or undefined when empty. */
  lastTime(): number | undefined {
    return this.count === 0 ? undefined : this.t[this.slot(this.count - 1)];
  }

  /** Appends a point, overwriting the oldest when full. */
  push(point: HistoryPoint): void {
    if (this.count === this.slots && this.slots < this.capacity) this.grow();
    let index: number;
    if (this.count < this.slots) {
      index = this.slot(this.count);
      this.count++;
    } else {
      index = this.start;
      this.start = (this.start + 1) % this.slots;
    }
    this.write(index, point, this.pushed++);
    if (this.pushed % this.capacity === 0) this.dropGone();
  }

  /** Overwrites the newest point, or pushes when empty. */
  replaceLast(point: HistoryPoint): void {
    if (this.count === 0) this.push(point);
    else this.write(this.slot(this.count - 1), point, this.pushed - 1);
  }

  /** Points from `sinceMs` (Unix ms, default all), oldest first, as new objects. */
  toArray(sinceMs = Number.NEGATIVE_INFINITY): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    const members = [...this.members.values()].map((m) => ({
      id: m.id,
      reachable: m.reachable,
      fields: m.fields.flatMap((column, f) =>
        column ? [{ name: memberSampleFields[f] as string, column }] : [],
      ),
    }));
    for (let i = 0; i < this.count; i++) {
      const at = this.slot(i);
      const t = this.t[at] ?? 0;
      if (t < sinceMs) continue;
      const samples: Record<string, MemberSample> = {};
      for (const m of members) {
        const reachable = m.reachable[at];
        if (reachable === undefined || reachable < 0) continue;
        const sample: Record<string, number | boolean> = { reachable: reachable === 1 };
        for (const { name, column } of m.fields) {
          const v = column[at] ?? Number.NaN;
          if (!Number.isNaN(v)) sample[name] = v;
        }
        // The fields are memberSampleFields, which is how MemberSample is declared.
        samples[m.id] = sample as MemberSample;
      }
      const term = this.raftTerm[at] ?? Number.NaN;
      out.push({
        t,
        leaderId: this.leaderId[at] ?? null,
        raftTerm: Number.isNaN(term) ? null : term,
        members: samples,
      });
    }
    return out;
  }

  /**
   * The points from `sinceMs` (Unix ms) in columns, at most one per `stepMs` (ms; 0 keeps every
   * point), straight from the typed arrays: the same answer as
   * `toColumns(downsample(toArray(sinceMs), stepMs))` without building a point object. Each
   * step keeps its last values, its worst for the peak fields (downsample.ts), and is
   * unreachable if the member was unreachable at any point in it.
   */
  columns(sinceMs = Number.NEGATIVE_INFINITY, stepMs = 0): HistoryColumns {
    // The slots of each output step, as [first, last] positions in `slots`.
    const slots: number[] = [];
    const steps: [number, number][] = [];
    let bucket: number | undefined;
    for (let i = 0; i < this.count; i++) {
      const at = this.slot(i);
      const t = this.t[at] ?? 0;
      if (t < sinceMs) continue;
      const b = stepMs > 0 ? Math.floor(t / stepMs) : i;
      const last = steps.at(-1);
      if (last && b === bucket) last[1] = slots.length;
      else steps.push([slots.length, slots.length]);
      bucket = b;
      slots.push(at);
    }
    const lastSlot = steps.map(([, last]) => slots[last] ?? 0);
    const out: HistoryColumns = {
      t: lastSlot.map((at) => this.t[at] ?? 0),
      leaderId: lastSlot.map((at) => this.leaderId[at] ?? null),
      raftTerm: lastSlot.map((at) => {
        const term = this.raftTerm[at] ?? Number.NaN;
        return Number.isNaN(term) ? null : term;
      }),
      members: {},
    };
    for (const m of this.members.values()) {
      let seen = false;
      const reachable = steps.map(([first, last]) => {
        let known = false;
        let up = true;
        for (let k = first; k <= last; k++) {
          const r = m.reachable[slots[k] ?? 0] ?? -1;
          if (r < 0) continue;
          known = true;
          if (r === 0) up = false;
        }
        if (!known) return null;
        seen = true;
        return up ? 1 : 0;
      });
      if (!seen) continue;
      const fields: HistoryColumns["members"][string]["fields"] = {};
      m.fields.forEach((column, f) => {
        if (!column) return;
        let any = false;
        const values = steps.map(([first, last]) => {
          let v = Number.NaN;
          for (let k = first; k <= last; k++) {
            const x = column[slots[k] ?? 0] ?? Number.NaN;
            if (Number.isNaN(x)) continue;
            v = isPeak[f] && !Number.isNaN(v) ? Math.max(v, x) : x;
          }
          if (Number.isNaN(v)) return null;
          any = true;
          return compact(v);
        });
        if (any) fields[memberSampleFields[f] as string] = values;
      });
      out.members[m.id] = { reachable, fields };
    }
    return out;
  }

  private slot(i: number): number {
    return (this.start + i) % this.slots;
  }

  private write(index: number, point: HistoryPoint, seq: number): void {
    this.t[index] = point.t;
    this.raftTerm[index] = point.raftTerm ?? Number.NaN;
    // The member's own id string, so an hour of leaders holds no copies of it.
    const leader = point.leaderId;
    this.leaderId[index] = leader === null ? null : (this.members.get(leader)?.id ?? leader);
    for (const m of this.members.values()) {
      m.reachable[index] = -1;
      for (const column of m.fields) if (column) column[index] = Number.NaN;
    }
    for (const [id, sample] of Object.entries(point.members)) {
      const m = this.member(id);
      m.lastSeen = seq;
      m.reachable[index] = sample.reachable ? 1 : 0;
      const values = sample as Record<string, unknown>;
      memberSampleFields.forEach((field, f) => {
        const v = values[field];
        if (typeof v !== "number" || !Number.isFinite(v)) return;
        let column = m.fields[f];
        if (!column) {
          column = new Float64Array(this.slots).fill(Number.NaN);
          m.fields[f] = column;
        }
        column[index] = v;
      });
    }
  }

  private member(id: string): MemberColumns {
    let m = this.members.get(id);
    if (!m) {
      m = { id, reachable: new Int8Array(this.slots).fill(-1), fields: [], lastSeen: 0 };
      this.members.set(id, m);
    }
    return m;
  }

  /** Doubles the slots (up to the capacity), oldest point first at slot 0. */
  private grow(): void {
    const slots = Math.min(this.capacity, this.slots * 2);
    const order = (from: Float64Array, fill: number): Float64Array => {
      const to = new Float64Array(slots).fill(fill);
      for (let i = 0; i < this.count; i++) to[i] = from[this.slot(i)] ?? fill;
      return to;
    };
    this.t = order(this.t, 0);
    this.raftTerm = order(this.raftTerm, Number.NaN);
    const leaders = new Array<string | null>(slots).fill(null);
    for (let i = 0; i < this.count; i++) leaders[i] = this.leaderId[this.slot(i)] ?? null;
    this.leaderId = leaders;
    for (const m of this.members.values()) {
      const reachable = new Int8Array(slots).fill(-1);
      for (let i = 0; i < this.count; i++) reachable[i] = m.reachable[this.slot(i)] ?? -1;
      m.reachable = reachable;
      m.fields = m.fields.map((column) => column && order(column, Number.NaN));
    }
    this.slots = slots;
    this.start = 0;
  }

  /** Forgets members that no kept point holds (removed from the cluster over an hour ago). */
  private dropGone(): void {
    for (const [id, m] of this.members) {
      if (this.pushed - 1 - m.lastSeen >= this.capacity) this.members.delete(id);
    }
  }
}
