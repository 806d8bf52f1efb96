import type { MemberColumn, MemberSort } from "./sort-members";

/** A column header whose button sorts by it; aria-sort tells readers the current order. */
export function SortHeader({
  column,
  label,
  sort,
  onSort,
  align = "left",
}: {
  column: MemberColumn;
  label: string;
  sort: MemberSort;
  onSort: (next: MemberSort) => void;
  align?: "left" | "right";
}) {
  const active = sort.column === column;
  const next: MemberSort = {
    column,
    direction: active && sort.direction === "ascending" ? "descending" : "ascending",
  };
  return (
    <th
      scope="col"
      aria-sort={active ? sort.direction : "none"}
      className={`whitespace-nowrap px-2 py-2 font-semibold ${align === "right" ? "text-right" : "text-left"}`}
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 rounded hover:text-blue-700 dark:hover:text-blue-300"
      >
        {label}
        <span aria-hidden="true" className={active ? "" : "text-slate-300 dark:text-slate-600"}>
          {active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}
