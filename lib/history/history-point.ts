import type { ClusterHealth } from "../health/cluster-health";
import type { ClusterSnapshot, MemberMetrics, MemberStatus } from "../member-snapshot";
import { type EtcdMetric, type EtcdMetricRow, etcdMetrics } from "../metrics/etcd-metrics";

type HistoryRow = Extract<EtcdMetricRow, { history: unknown }>;

/**
 * One member at one instant, as the charts and rules read it: reachability and latency from
 * Maintenance Status, then one field per row of the metric table that keeps history
 * (lib/metrics/etcd-metrics.ts). Absent fields were not known.
 */
export type MemberSample = {
  reachable: boolean;
  latencyMs?: number;
  raftIndex?: number;
  raftAppliedIndex?: number;
} & { [R in HistoryRow as R["history"]["field"]]?: number };

export interface HistoryPoint {
  t: number;
  leaderId: string | null;
  raftTerm: number | null;
  members: Record<string, MemberSample>;
}

/** The table's rows that keep history, with the member metric each one reads. */
export const historyMetrics = (etcdMetrics as readonly EtcdMetric[]).flatMap((m) =>
  m.history
    ? [
        {
          ...m.history,
          from: m.derive.kind === "rate" ? m.derive.rate : m.derive.value,
          perMember: m.perMember !== undefined,
        },
      ]
    : [],
);

function metricValue(
  metrics: MemberMetrics | undefined,
  status: MemberStatus | undefined,
  h: (typeof historyMetrics)[number],
): number | undefined {
  const fromStatus =
    h.statusFirst && (status as Record<string, unknown> | undefined)?.[h.statusFirst];
  if (typeof fromStatus === "number") return fromStatus;
  const v = (metrics as Record<string, unknown> | undefined)?.[h.from];
  if (typeof v === "number") return v;
  // A per-member figure (peer round trips) keeps its worst member.
  if (h.perMember && v && typeof v === "object") {
    const all = Object.values(v).filter((x): x is number => typeof x === "number");
    return all.length > 0 ? Math.max(...all) : undefined;
  }
  return undefined;
}

/** Flattens a snapshot and its verdict into the point the charts need. */
export function toHistoryPoint(snapshot: ClusterSnapshot, health: ClusterHealth): HistoryPoint {
  const members: Record<string, MemberSample> = {};
  for (const snap of snapshot.members) {
    const reachable = snap.probe.kind === "reachable";
    const status = snap.probe.kind === "reachable" ? snap.probe.status : undefined;
    const sample: Record<string, number | boolean> = { reachable };
    if (snap.probe.kind === "reachable") sample.latencyMs = snap.probe.latencyMs;
    if (status) {
      sample.raftIndex = status.raftIndex;
      sample.raftAppliedIndex = status.raftAppliedIndex;
    }
    for (const h of historyMetrics) {
      const v = metricValue(snap.metrics, status, h);
      if (v !== undefined) sample[h.field] = v;
    }
    // The fields are the table's history fields, which is how MemberSample is declared.
    members[snap.member.id] = sample as MemberSample;
  }
  return {
    t: snapshot.observedAt,
    leaderId: health.leader?.id ?? null,
    raftTerm: health.raftTerm,
    members,
  };
}
