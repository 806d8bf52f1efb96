import type { MemberView } from "@/lib/health/cluster-health";
import type { HistoryPoint } from "@/lib/history/history-point";
import {
  type EtcdMetric,
  type EtcdVersion,
  etcdMetrics,
  exposedSince,
} from "@/lib/metrics/etcd-metrics";
import type { ChartField, ChartSpec } from "./chart-specs";

/** The metric table's row behind each history field. */
const rowByField = new Map(
  (etcdMetrics as readonly EtcdMetric[]).flatMap((m) =>
    m.history ? [[m.history.field, m] as const] : [],
  ),
);

function olderThan(version: string | null, since: EtcdVersion): boolean {
  if (!version) return false;
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major < since[0] || (major === since[0] && minor < since[1]);
}

/** Why a member has no values for a field in the window; null when it has some. */
export function memberGap(
  points: readonly HistoryPoint[],
  member: MemberView,
  field: ChartField,
): string | null {
  let reachableSomewhere = false;
  for (const p of points) {
    const s = p.members[member.id];
    if (!s?.reachable) continue;
    reachableSomewhere = true;
    if (s[field] !== undefined) return null;
  }
  if (!reachableSomewhere || !member.reachable) return "member unreachable";
  const row = rowByField.get(field);
  if (row && olderThan(member.version, exposedSince(row))) {
    return `metric not exposed by etcd ${member.version}`;
  }
  // Rates come from the difference of two scrapes: unknown until the second one.
  if (row?.derive.kind === "rate") return "waiting for a second metrics scrape";
  // p99s of what happened between two scrapes: unknown while nothing happened.
  if (row?.derive.kind === "p99") return "nothing observed between scrapes yet";
  return "metrics endpoint has not answered";
}

/**
 * Why a chart has nothing to draw, in words, or null when it has data. Member reasons that
 * all agree become the chart's reason ("member unreachable"); mixed ones are listed by member.
 */
export function chartEmptyReason(
  points: readonly HistoryPoint[],
  spec: ChartSpec,
  members: readonly MemberView[],
  fromPrometheus = false,
): string | null {
  if (points.length === 0) {
    return fromPrometheus
      ? "Prometheus holds no samples of these members in this window"
      : "No history yet: the server has only just started watching";
  }
  if (members.length === 0) return "No member is known yet";
  const first = spec.series[0];
  if (!first) return null;
  const gaps = members.map((m) => ({ m, gap: memberGap(points, m, first.field) }));
  if (gaps.some((g) => g.gap === null)) return null;
  const distinct = new Set(gaps.map((g) => g.gap));
  if (distinct.size === 1) {
    const [only] = distinct;
    const text = only ?? "no data";
    if (text === "member unreachable" && members.length > 1) return "All members unreachable";
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return gaps.map((g) => `${g.m.name}: ${g.gap}`).join("; ");
}
