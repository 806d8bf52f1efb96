import type { HistoryPoint, MemberSample } from "../history/history-point";

/** Test factory: evenly spaced history points for the given members, ending at `end`. */
export function makeHistory(opts: {
  memberIds?: string[];
  minutes: number;
  stepMs?: number;
  end?: number;
  sample?: (memberId: string, t: number, minutesAgo: number) => Partial<MemberSample>;
  leaderId?: (t: number, minutesAgo: number) => string | null;
}): HistoryPoint[] {
  const ids = opts.memberIds ?? ["a", "b", "c"];
  const step = opts.stepMs ?? 5_000;
  const end = opts.end ?? 1_700_000_000_000;
  const count = Math.floor((opts.minutes * 60_000) / step) + 1;
  return Array.from({ length: count }, (_, k) => {
    const t = end - (count - 1 - k) * step;
    const ago = (end - t) / 60_000;
    const members: Record<string, MemberSample> = {};
    for (const id of ids) members[id] = { reachable: true, ...opts.sample?.(id, t, ago) };
    return {
      t,
      leaderId: opts.leaderId ? opts.leaderId(t, ago) : (ids[0] ?? null),
      raftTerm: 2,
      members,
    };
  });
}
