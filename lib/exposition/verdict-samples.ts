import { clusterStatusSchema, memberRoleSchema } from "../health/cluster-health";
import type { VerdictMetricKey } from "./metric-definitions";

/** One value of one gauge in metric-definitions.ts. */
export interface VerdictSample {
  metric: VerdictMetricKey;
  labels: Record<string, string>;
  value: number;
}

/**
 * What the exporter reads from a verdict. Values Raftscope does not know are null (or a status
 * outside the known states), and are then left out of the exposition instead of exported as 0:
 * an alert on `remaining_failures == 0` must not fire because Raftscope lost sight.
 */
export interface VerdictFacts {
  id: string;
  name: string;
  clusterId: string;
  status: string;
  writable: boolean | null;
  raftTerm: number | null;
  lastGoodSweepAt: string | null;
  quorum: {
    voters: number | null;
    learners: number | null;
    size: number | null;
    healthyVoters: number | null;
    remaining: number | null;
  };
  members: ReadonlyArray<{
    id: string;
    name: string;
    role: string;
    reachable: boolean | null;
    latencyMs: number | null;
    applyLag: number | null;
  }>;
}

/** The states that say something about the cluster; "unknown" is Raftscope's own blindness. */
const knownStates: readonly string[] = clusterStatusSchema.options.filter((s) => s !== "unknown");

/**
 * The samples of one cluster's verdict, at `nowMs` (ms since the epoch; ages are measured from
 * it). `verdict` undefined means no sweep has finished yet: only `raftscope_cluster_known 0`.
 */
export function verdictSamples(
  cluster: { id: string; name: string },
  verdict: VerdictFacts | undefined,
  nowMs: number,
): VerdictSample[] {
  const c = { cluster: cluster.id };
  const known = verdict !== undefined && knownStates.includes(verdict.status);
  const out: VerdictSample[] = [
    {
      metric: "clusterInfo",
      labels: { ...c, name: cluster.name, etcd_cluster_id: verdict?.clusterId ?? "" },
      value: 1,
    },
    { metric: "clusterKnown", labels: c, value: known ? 1 : 0 },
  ];
  if (!verdict) return out;
  const add = (metric: VerdictMetricKey, labels: Record<string, string>, value: number | null) => {
    if (value !== null && Number.isFinite(value)) out.push({ metric, labels, value });
  };

  if (known) {
    for (const state of knownStates) {
      add("clusterStatus", { ...c, state }, state === verdict.status ? 1 : 0);
    }
    add("clusterWritable", c, verdict.writable === null ? null : Number(verdict.writable));
    add("clusterVoters", c, verdict.quorum.voters);
    add("clusterLearners", c, verdict.quorum.learners);
    add("clusterQuorumSize", c, verdict.quorum.size);
    add("clusterHealthyVoters", c, verdict.quorum.healthyVoters);
    add("clusterRemainingFailures", c, verdict.quorum.remaining);
    add("clusterRaftTerm", c, verdict.raftTerm);
  }
  if (verdict.lastGoodSweepAt !== null) {
    const at = Date.parse(verdict.lastGoodSweepAt);
    if (Number.isFinite(at)) add("clusterLastGoodSweepAge", c, Math.max(0, nowMs - at) / 1000);
  }

  for (const m of verdict.members) {
    const labels = { ...c, member: m.name || m.id, member_id: m.id };
    add("memberUp", labels, m.reachable === null ? null : Number(m.reachable));
    if (memberRoleSchema.options.some((r) => r === m.role)) {
      for (const role of memberRoleSchema.options) {
        add("memberRole", { ...labels, role }, role === m.role ? 1 : 0);
      }
    }
    add("memberLatency", labels, m.latencyMs === null ? null : m.latencyMs / 1000);
    add("memberApplyLag", labels, m.applyLag);
  }
  return out;
}
