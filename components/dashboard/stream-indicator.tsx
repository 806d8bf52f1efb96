import type { StreamState } from "@/components/clusters/use-cluster-stream";

const labels: Record<StreamState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting; polling meanwhile",
};

const dots: Record<StreamState, string> = {
  connecting: "bg-slate-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500",
};

/** Whether updates arrive pushed over the stream or only by the fallback poll. */
export function StreamIndicator({ state }: { state: StreamState }) {
  return (
    <span className="inline-flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
      <span aria-hidden="true" className={`size-2.5 rounded-full ${dots[state]}`} />
      {labels[state]}
    </span>
  );
}
