import type { ClusterStatus } from "@/lib/health/cluster-health";

const styles: Record<ClusterStatus, string> = {
  healthy:
    "bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200",
  degraded: "bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200",
  critical:
    "bg-orange-100 text-orange-900 ring-orange-600/40 dark:bg-orange-950 dark:text-orange-200",
  unavailable: "bg-red-100 text-red-900 ring-red-600/40 dark:bg-red-950 dark:text-red-200",
  unknown: "bg-slate-200 text-slate-900 ring-slate-600/40 dark:bg-slate-800 dark:text-slate-100",
};

export function StatusBadge({ status }: { status: ClusterStatus }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold capitalize ring-1 ring-inset ${styles[status]}`}
    >
      {status}
    </span>
  );
}
