import { formatClock } from "@/lib/format/format-clock";
import type { HealthWarning, Severity } from "@/lib/health/cluster-health";

const tone: Record<Severity, string> = {
  critical: "border-red-600 text-red-900 dark:text-red-200",
  warning: "border-amber-500 text-amber-950 dark:text-amber-100",
  info: "border-slate-400 text-slate-700 dark:text-slate-300",
};

const rank: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * What is degrading right now, worst first, from the health verdict; a warning the server's
 * rule has not fired yet is marked pending.
 */
export function HealthWarnings({ warnings }: { warnings: readonly HealthWarning[] }) {
  const sorted = [...warnings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  return (
    <section aria-labelledby="warnings-heading" className="flex flex-col gap-2">
      <h2 id="warnings-heading" className="text-base font-semibold">
        What is degrading
      </h2>
      {/* Information (a learner ready, two config entries for one cluster) degrades nothing. */}
      {sorted.every((w) => w.severity === "info") && (
        <p className="text-sm text-emerald-800 dark:text-emerald-300">
          Nothing: every member answers and keeps up.
        </p>
      )}
      {sorted.length > 0 && (
        <ul className="flex flex-col gap-1.5">
          {sorted.map((w) => (
            <li
              key={`${w.code}-${w.memberId ?? ""}-${w.message}`}
              className={`border-l-4 bg-white py-1 pl-3 text-sm dark:bg-slate-900 ${tone[w.severity]}`}
            >
              <span className="mr-2 text-xs font-semibold uppercase">{w.severity}</span>
              {w.state === "pending" ? (
                <span className="mr-2 text-xs text-slate-500 dark:text-slate-400">
                  pending since{" "}
                  <time dateTime={w.activeAt}>{formatClock(Date.parse(w.activeAt))}</time>
                </span>
              ) : null}
              {w.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
