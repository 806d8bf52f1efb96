import { type HistoryWindow, isPrometheusWindow } from "@/lib/api/query-schemas";

const options: { value: HistoryWindow; label: string; name: string }[] = [
  { value: "5m", label: "5m", name: "5 minutes" },
  { value: "15m", label: "15m", name: "15 minutes" },
  { value: "1h", label: "1h", name: "1 hour" },
  { value: "6h", label: "6h", name: "6 hours from Prometheus" },
  { value: "24h", label: "24h", name: "24 hours from Prometheus" },
  { value: "7d", label: "7d", name: "7 days from Prometheus" },
];

/**
 * The charts' time window, as a radio group styled as segmented buttons; the windows beyond an
 * hour only when the cluster has a Prometheus source.
 */
export function WindowSelector({
  value,
  onChange,
  withPrometheus,
}: {
  value: HistoryWindow;
  onChange: (next: HistoryWindow) => void;
  withPrometheus: boolean;
}) {
  return (
    <fieldset className="inline-flex items-center gap-2">
      <legend className="sr-only">Chart window</legend>
      <span aria-hidden="true" className="text-sm text-slate-600 dark:text-slate-300">
        Window
      </span>
      <div className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        {options
          .filter((o) => withPrometheus || !isPrometheusWindow(o.value))
          .map((o) => (
            <label
              key={o.value}
              className="relative cursor-pointer px-3 py-1 text-sm has-checked:bg-slate-800 has-checked:text-white has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-blue-600 dark:has-checked:bg-slate-200 dark:has-checked:text-slate-900"
            >
              <input
                type="radio"
                name="chart-window"
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                aria-label={o.name}
                // Invisible but on top of its label: clicks and keyboard reach the real radio.
                className="absolute inset-0 cursor-pointer opacity-0"
              />
              {o.label}
            </label>
          ))}
      </div>
    </fieldset>
  );
}
