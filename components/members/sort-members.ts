import type { MemberView } from "@/lib/health/cluster-health";

export const memberColumns = [
  "name",
  "version",
  "db",
  "leader",
  "learner",
  "term",
  "index",
  "applied",
  "lag",
  "reachable",
  "latency",
  "alarms",
  "errors",
  "state",
] as const;
export type MemberColumn = (typeof memberColumns)[number];

export interface MemberSort {
  column: MemberColumn;
  direction: "ascending" | "descending";
}

type Key = string | number | null;

const keyOf: Record<MemberColumn, (m: MemberView) => Key> = {
  name: (m) => m.name,
  version: (m) => m.version,
  db: (m) => m.dbSizeBytes,
  leader: (m) => (m.role === "leader" ? 1 : 0),
  learner: (m) => (m.role === "learner" ? 1 : 0),
  term: (m) => m.raftTerm,
  index: (m) => m.raftIndex,
  applied: (m) => m.raftAppliedIndex,
  lag: (m) => m.applyLag,
  reachable: (m) => (m.reachable ? 1 : 0),
  latency: (m) => m.latencyMs,
  alarms: (m) => m.alarms.length,
  errors: (m) => m.error,
  state: (m) => m.stateLabel,
};

/** Reads `?sort=latency` or `?sort=-latency`; anything else sorts by name. */
export function parseMemberSort(value: string | null): MemberSort {
  const descending = value?.startsWith("-") ?? false;
  const name = descending ? value?.slice(1) : value;
  const column = memberColumns.find((c) => c === name) ?? "name";
  return { column, direction: descending ? "descending" : "ascending" };
}

export function memberSortParam(sort: MemberSort): string | null {
  if (sort.column === "name" && sort.direction === "ascending") return null;
  return `${sort.direction === "descending" ? "-" : ""}${sort.column}`;
}

/** Sorts a copy; unknown values (an unreachable member's) go last in either direction. */
export function sortMembers(members: readonly MemberView[], sort: MemberSort): MemberView[] {
  const key = keyOf[sort.column];
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...members].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) {
      if (ka === kb) return a.name.localeCompare(b.name);
      return ka === null ? 1 : -1;
    }
    const c =
      typeof ka === "number" && typeof kb === "number"
        ? ka - kb
        : String(ka).localeCompare(String(kb), "en", { numeric: true });
    return c !== 0 ? sign * c : a.name.localeCompare(b.name);
  });
}
