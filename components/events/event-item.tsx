import type { ClusterEvent } from "@/lib/events/cluster-event";
import { describeEvent } from "@/lib/events/describe-event";
import { formatClock } from "@/lib/format/format-clock";
import { eventCategory } from "./event-categories";

const tone: Record<ClusterEvent["type"], string> = {
  leader_changed: "bg-blue-600",
  term_changed: "bg-sky-400",
  quorum_lost: "bg-red-600",
  quorum_regained: "bg-emerald-600",
  member_unreachable: "bg-red-500",
  member_recovered: "bg-emerald-500",
  member_added: "bg-slate-500",
  member_removed: "bg-slate-500",
  alarm_raised: "bg-amber-500",
  alarm_cleared: "bg-emerald-500",
  member_promoted: "bg-slate-500",
  member_isolated: "bg-red-500",
  member_rejoined: "bg-emerald-500",
  raftscope_blind: "bg-slate-700",
  raftscope_sight_restored: "bg-slate-400",
  consistency_mismatch: "bg-red-700",
  consistency_agreed: "bg-emerald-600",
  etcd_cluster_changed: "bg-amber-600",
};

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** One event: when, what kind, and the sentence; leader changes spell out old → new and term. */
export function EventItem({
  event,
  today,
  likely,
}: {
  event: ClusterEvent;
  today: string;
  /** For a leader change: why, as the forensics read the metrics before it. */
  likely?: string;
}) {
  const at = Date.parse(event.at);
  return (
    <li className="flex gap-3 py-1.5" data-category={eventCategory(event.type)}>
      <time
        dateTime={event.at}
        className="w-20 shrink-0 text-right text-xs text-slate-500 tabular-nums dark:text-slate-400"
      >
        {dayOf(event.at) !== today && <span className="block">{dayOf(event.at)}</span>}
        {formatClock(at)}
      </time>
      <span
        aria-hidden="true"
        className={`mt-1.5 inline-block size-2.5 shrink-0 rounded-full ${tone[event.type]}`}
      />
      {event.type === "leader_changed" ? (
        <span className="text-sm">
          <strong>Leader changed</strong>: {event.from?.name ?? "none"} →{" "}
          <strong>{event.to.name}</strong>
          {event.term !== null && (
            <span className="text-slate-500 dark:text-slate-400"> · term {event.term}</span>
          )}
          {likely ? (
            <span className="block text-xs text-slate-600 dark:text-slate-300">{likely}</span>
          ) : null}
        </span>
      ) : (
        <span className="text-sm">{describeEvent(event)}</span>
      )}
    </li>
  );
}
