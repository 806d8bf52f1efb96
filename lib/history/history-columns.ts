import { z } from "zod";
import { type HistoryPoint, historyMetrics, type MemberSample } from "./history-point";

/** Every numeric field of a member sample: Status figures, then the metric table's. */
export const memberSampleFields = [
  "latencyMs",
  "raftIndex",
  "raftAppliedIndex",
  ...historyMetrics.map((h) => h.field),
] as const;

const knownFields: ReadonlySet<string> = new Set(memberSampleFields);
const fieldSchema = z
  .string()
  .refine((f) => knownFields.has(f), { error: (i) => `unknown field ${String(i.input)}` });
const column = z.array(z.number().nullable());

/**
 * History in columns: one array of times, and per member one array per field, index for
 * index. `reachable` is 1 or 0, null where the member was not known at that time; a field is
 * null where it was not known, and left out when it never was. About a fifth of the same
 * points as objects with named fields. The one shape of history in the API and on disk.
 */
export const historyColumnsSchema = z
  .object({
    t: z.array(z.number()),
    leaderId: z.array(z.string().nullable()),
    raftTerm: z.array(z.number().nullable()),
    members: z.record(
      z.string(),
      z.object({
        reachable: z.array(z.union([z.literal(0), z.literal(1), z.null()])),
        fields: z.record(fieldSchema, column),
      }),
    ),
  })
  .superRefine((c, ctx) => {
    const n = c.t.length;
    const bad = (path: (string | number)[], len: number) => {
      if (len !== n)
        ctx.addIssue({ code: "custom", path, message: `expected ${n} values, got ${len}` });
    };
    bad(["leaderId"], c.leaderId.length);
    bad(["raftTerm"], c.raftTerm.length);
    for (const [id, m] of Object.entries(c.members)) {
      bad(["members", id, "reachable"], m.reachable.length);
      for (const [field, values] of Object.entries(m.fields)) {
        bad(["members", id, "fields", field], values?.length ?? n);
      }
    }
  });

export type HistoryColumns = z.infer<typeof historyColumnsSchema>;

/** 1e-22 … 1e22, index i holding 10^(i - 22). */
const POWERS_OF_TEN = Array.from({ length: 45 }, (_, i) => Number(`1e${i - 22}`));

/**
 * A value as the API and the history file carry it. Charts draw a few hundred pixels high: six
 * significant digits lose nothing visible and spare the JSON the 17 digits of a quotient.
 * Integers (raft indexes, bytes) stay exact.
 */
export function compact(v: number): number {
  if (Number.isInteger(v) || !Number.isFinite(v)) return v;
  // Arithmetic, not toPrecision: an hour's save formats 180,000 values, and toPrecision cost
  // 3 to 10 times as much. Each power of ten is the double nearest it, and k / 10^n (exact up
  // to 1e22) is the double nearest the decimal, as parsing toPrecision's text would give.
  const a = Math.abs(v);
  let e = 0;
  if (a >= 1) while (e < 22 && a >= (POWERS_OF_TEN[e + 1 + 22] as number)) e++;
  else while (e > -22 && a < (POWERS_OF_TEN[e + 22] as number)) e--;
  const digits = 5 - e;
  if (digits <= 0) return Math.round(v);
  if (digits > 22) return Number(v.toPrecision(6));
  const scale = POWERS_OF_TEN[digits + 22] as number;
  return Math.round(v * scale) / scale;
}

/** Turns points into columns (see historyColumnsSchema). */
export function toColumns(points: readonly HistoryPoint[]): HistoryColumns {
  const n = points.length;
  const members: HistoryColumns["members"] = {};
  points.forEach((p, i) => {
    for (const [id, sample] of Object.entries(p.members)) {
      let m = members[id];
      if (!m) {
        m = { reachable: new Array(n).fill(null), fields: {} };
        members[id] = m;
      }
      m.reachable[i] = sample.reachable ? 1 : 0;
      const values = sample as Record<string, unknown>;
      for (const field of memberSampleFields) {
        const v = values[field];
        if (typeof v !== "number" || !Number.isFinite(v)) continue;
        let col = m.fields[field];
        if (!col) {
          col = new Array(n).fill(null);
          m.fields[field] = col;
        }
        col[i] = compact(v);
      }
    }
  });
  return {
    t: points.map((p) => p.t),
    leaderId: points.map((p) => p.leaderId),
    raftTerm: points.map((p) => p.raftTerm),
    members,
  };
}

/** Turns columns back into points: the inverse of toColumns, up to its rounding. */
export function fromColumns(columns: HistoryColumns): HistoryPoint[] {
  const entries = Object.entries(columns.members);
  return columns.t.map((t, i) => {
    const members: Record<string, MemberSample> = {};
    for (const [id, m] of entries) {
      const reachable = m.reachable[i];
      if (reachable === null || reachable === undefined) continue;
      const sample: Record<string, number | boolean> = { reachable: reachable === 1 };
      for (const [field, values] of Object.entries(m.fields)) {
        const v = values?.[i];
        if (typeof v === "number") sample[field] = v;
      }
      // The fields are memberSampleFields, which is how MemberSample is declared.
      members[id] = sample as MemberSample;
    }
    return {
      t,
      leaderId: columns.leaderId[i] ?? null,
      raftTerm: columns.raftTerm[i] ?? null,
      members,
    };
  });
}
