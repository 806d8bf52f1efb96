const items = [
  {
    label: "Leader",
    swatch: "border-[3px] border-blue-600 bg-white dark:border-blue-400 dark:bg-slate-800",
  },
  { label: "Follower", swatch: "border border-slate-400 bg-white dark:bg-slate-800" },
  { label: "Learner", swatch: "border border-dashed border-slate-500 bg-white dark:bg-slate-800" },
  { label: "Unreachable", swatch: "border-2 border-red-600 bg-red-50 dark:bg-red-950" },
  {
    label: "Lagging or alarmed",
    swatch: "border-2 border-amber-500 bg-amber-50 dark:bg-amber-950",
  },
  {
    label: "API server at risk",
    swatch: "border-2 border-amber-600 bg-amber-50 dark:bg-amber-950",
  },
  {
    label: "Fails in the what-if",
    swatch:
      "border border-slate-400 bg-[repeating-linear-gradient(45deg,#64748b55_0_3px,transparent_3px_8px)]",
  },
];

/** What the diagram's colours and line styles mean. */
export function TopologyLegend() {
  return (
    <ul
      aria-label="Legend"
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300"
    >
      {items.map((i) => (
        <li key={i.label} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={`inline-block h-3 w-5 rounded-sm ${i.swatch}`} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
