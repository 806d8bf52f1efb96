"use client";

import type { ClusterStatus } from "@/lib/health/cluster-health";
import type { OverviewView } from "./overview-view";
import { statusesByUrgency } from "./overview-view";

const tones: Record<ClusterStatus, string> = {
  unavailable: "text-red-800 dark:text-red-200",
  critical: "text-orange-800 dark:text-orange-200",
  unknown: "text-slate-800 dark:text-slate-200",
  degraded: "text-amber-800 dark:text-amber-200",
  healthy: "text-emerald-800 dark:text-emerald-200",
};

const chip =
  "rounded-md border px-3 py-1.5 text-sm font-medium aria-pressed:border-slate-900 aria-pressed:bg-slate-100 dark:aria-pressed:border-slate-100 dark:aria-pressed:bg-slate-800 border-slate-300 dark:border-slate-700";

/** Counts by status (each one a filter), a text filter and the sort order of the overview. */
export function OverviewToolbar({
  counts,
  total,
  view,
  onChange,
}: {
  counts: Record<ClusterStatus, number>;
  total: number;
  view: OverviewView;
  onChange: (updates: Record<string, string | null>) => void;
}) {
  return (
    <div className="mb-6 flex flex-col gap-3">
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">Clusters by status</legend>
        <button
          type="button"
          className={chip}
          aria-pressed={view.status === null}
          onClick={() => onChange({ status: null })}
        >
          All <span className="tabular-nums">{total}</span>
        </button>
        {statusesByUrgency.map((status) => (
          <button
            key={status}
            type="button"
            className={`${chip} ${counts[status] > 0 ? tones[status] : "text-slate-600 dark:text-slate-400"}`}
            aria-pressed={view.status === status}
            onClick={() => onChange({ status: view.status === status ? null : status })}
          >
            <span className="capitalize">{status}</span>{" "}
            <span className="tabular-nums">{counts[status]}</span>
          </button>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <span>Filter</span>
          <input
            type="search"
            value={view.text}
            placeholder="name or id"
            onChange={(e) => onChange({ q: e.target.value })}
            className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <span>Sort</span>
          <select
            value={view.sort}
            onChange={(e) => onChange({ sort: e.target.value === "name" ? "name" : null })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="attention">Needs attention first</option>
            <option value="name">Name</option>
          </select>
        </label>
      </div>
    </div>
  );
}
