"use client";

import { useQuery } from "@tanstack/react-query";
import type { ClusterEvent } from "@/lib/events/cluster-event";
import { clusterQueries } from "@/lib/queries/cluster-queries";
import { diagnosisQueries } from "@/lib/queries/diagnosis-queries";
import { type EventCategory, eventCategories, eventCategory } from "./event-categories";
import { EventFilter } from "./event-filter";
import { EventItem } from "./event-item";

const LIMIT = 200;

function countByCategory(events: readonly ClusterEvent[]): Record<EventCategory, number> {
  const counts = Object.fromEntries(eventCategories.map((c) => [c, 0])) as Record<
    EventCategory,
    number
  >;
  for (const e of events) counts[eventCategory(e.type)]++;
  return counts;
}

/** The persistent event log, newest first: leader changes, terms, quorum, members, alarms. */
export function EventTimeline({
  clusterId,
  filter,
  onFilterChange,
}: {
  clusterId: string;
  filter: readonly EventCategory[];
  onFilterChange: (next: EventCategory[]) => void;
}) {
  const { data, error, isPending } = useQuery(clusterQueries.events(clusterId, LIMIT));
  const forensics = useQuery(diagnosisQueries.forensics(clusterId));
  const likelyBySeq = new Map(forensics.data?.map((f) => [f.seq, f.likely]));
  const events = data ?? [];
  const shown = events.filter((e) => filter.includes(eventCategory(e.type)));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section
      aria-labelledby="events-heading"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="events-heading" className="text-base font-semibold">
        Timeline
      </h2>
      <EventFilter value={filter} counts={countByCategory(events)} onChange={onFilterChange} />
      {isPending && <p role="status">Loading events…</p>}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          Cannot load events: {error.message}
        </p>
      )}
      {data && shown.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {events.length === 0
            ? "Nothing has happened since Raftscope started watching."
            : "No events of the chosen kinds."}
        </p>
      )}
      {shown.length > 0 && (
        <ol
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls, so keyboards must reach it.
          tabIndex={0}
          aria-label="Events"
          className="max-h-96 divide-y divide-slate-100 overflow-y-auto pr-2 dark:divide-slate-800"
        >
          {shown.map((e) => (
            <EventItem key={e.seq} event={e} today={today} likely={likelyBySeq.get(e.seq)} />
          ))}
        </ol>
      )}
    </section>
  );
}
