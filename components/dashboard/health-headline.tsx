import { StatusBadge } from "@/components/clusters/status-badge";
import type { ClusterHealth, ClusterStatus } from "@/lib/health/cluster-health";
import { toleranceText } from "@/lib/health/tolerance-text";
import { HeadlineFact } from "./headline-fact";

const sentenceTone: Record<ClusterStatus, string> = {
  healthy: "text-emerald-800 dark:text-emerald-300",
  degraded: "text-amber-800 dark:text-amber-300",
  critical: "text-orange-800 dark:text-orange-300",
  unavailable: "text-red-700 dark:text-red-300",
  unknown: "text-slate-800 dark:text-slate-200",
};

/** The three answers at a glance: who leads, how many more failures, whether writes work. */
export function HealthHeadline({ health }: { health: ClusterHealth }) {
  const q = health.quorum;
  return (
    <section
      aria-label="Cluster health"
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <StatusBadge status={health.status} />
        <p aria-live="polite" className={`text-2xl font-semibold ${sentenceTone[health.status]}`}>
          {toleranceText(q, health.writable, health.warnings)}
        </p>
      </div>
      <div className="mt-4 grid grid-cols-3 gap-4 md:grid-cols-6">
        <HeadlineFact label="Leader" tone={health.leader ? "plain" : "bad"}>
          {health.leader?.name ?? "none"}
        </HeadlineFact>
        <HeadlineFact label="Raft term">{health.raftTerm ?? "—"}</HeadlineFact>
        <HeadlineFact label="Writes" tone={health.writable === false ? "bad" : "plain"}>
          {health.writable === null ? "unknown" : health.writable ? "working" : "failing"}
        </HeadlineFact>
        <HeadlineFact
          label="Voters"
          tone={q.healthyVoters !== null && q.healthyVoters < q.voters ? "bad" : "plain"}
        >
          {q.healthyVoters === null
            ? `? of ${q.voters} up`
            : `${q.healthyVoters} of ${q.voters} up`}
        </HeadlineFact>
        <HeadlineFact label="Quorum">{q.size} needed</HeadlineFact>
        <HeadlineFact label="Learners">{q.learners}</HeadlineFact>
      </div>
    </section>
  );
}
