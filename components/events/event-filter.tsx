import { categoryLabels, type EventCategory, eventCategories } from "./event-categories";

/** Which kinds of events the timeline shows; the choice lives in the URL. */
export function EventFilter({
  value,
  counts,
  onChange,
}: {
  value: readonly EventCategory[];
  counts: Record<EventCategory, number>;
  onChange: (next: EventCategory[]) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <legend className="sr-only">Show events</legend>
      {eventCategories.map((c) => (
        <label key={c} className="inline-flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-slate-700 dark:accent-slate-300"
            checked={value.includes(c)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, c] : value.filter((x) => x !== c))
            }
          />
          {categoryLabels[c]}
          <span className="text-slate-500 tabular-nums dark:text-slate-400">({counts[c]})</span>
        </label>
      ))}
    </fieldset>
  );
}
