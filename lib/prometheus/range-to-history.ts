import type { HistoryPoint, MemberSample } from "../history/history-point";
import type { PromChartField } from "./etcd-mixin-queries";
import { type MemberIdentity, matchMember } from "./match-member";
import type { RangeSeries } from "./range-series";

/**
 * Turns range-query results, one list of series per chart field, into the history points the
 * charts draw: one point per evaluation step, each member keyed by its id (matched from
 * `memberLabel`; series that name no current member are left out). Non-finite values
 * (histogram_quantile over no observations gives NaN) are left out as unknown.
 */
export function rangeToHistory(input: {
  results: Partial<Record<PromChartField, readonly RangeSeries[]>>;
  memberLabel: string;
  members: readonly MemberIdentity[];
}): HistoryPoint[] {
  const byTime = new Map<number, Map<string, Partial<Record<PromChartField, number>>>>();
  const ids = new Map<string, string | undefined>();
  for (const [field, series] of Object.entries(input.results) as [
    PromChartField,
    readonly RangeSeries[],
  ][]) {
    for (const s of series) {
      const label = s.labels[input.memberLabel];
      if (label === undefined) continue;
      if (!ids.has(label)) ids.set(label, matchMember(label, input.members));
      const id = ids.get(label);
      if (id === undefined) continue;
      for (const [t, v] of s.samples) {
        if (!Number.isFinite(v)) continue;
        const members = byTime.get(t) ?? new Map<string, Partial<Record<PromChartField, number>>>();
        byTime.set(t, members);
        const fields = members.get(id) ?? {};
        members.set(id, fields);
        fields[field] = v;
      }
    }
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, members]) => ({
      t,
      leaderId: null,
      raftTerm: null,
      members: Object.fromEntries(
        [...members.entries()].map(([id, f]) => {
          const { reachable, ...numbers } = f;
          const sample: MemberSample = { ...numbers, reachable: (reachable ?? 1) === 1 };
          return [id, sample];
        }),
      ),
    }));
}
