import { dataStaleness } from "@/lib/alerts/data-staleness";
import { formatClock } from "@/lib/format/format-clock";
import { formatSeconds } from "@/lib/format/format-seconds";
import type { ClusterHealth } from "@/lib/health/cluster-health";

/**
 * Says loudly when the page shows old data: etcd stopped answering the server, or the browser
 * lost the server (the last refresh failed), so nobody acts on a picture of the past.
 */
export function StaleBanner({
  health,
  serverError,
}: {
  health: ClusterHealth;
  serverError: Error | null;
}) {
  const staleness = dataStaleness(health);
  if (!staleness.stale && !serverError) return null;
  const observed = formatClock(Date.parse(health.observedAt));
  let message: string;
  if (serverError) {
    message = `Data is stale: the Raftscope server is not answering (${serverError.message}). Showing the state of ${observed}.`;
  } else if (staleness.stale && staleness.sinceMs === null) {
    message = "Data is stale: no etcd member has answered since the server started.";
  } else {
    const age =
      staleness.stale && staleness.sinceMs !== null ? formatSeconds(staleness.sinceMs / 1000) : "";
    message = `Data is stale: no etcd member has answered for ${age}. Showing the last known state.`;
  }
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-400 bg-amber-50 px-4 py-3 font-medium text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      {message}
    </div>
  );
}
