/** A series' label set, as PromQL sees it (the metric name is never part of it here). */
export type Labels = Readonly<Record<string, string>>;

/** A stable identity for a label set: the same labels in any order give the same key. */
export function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The labels left after PromQL's `without (…)`: every label but the named ones. */
export function without(labels: Labels, names: readonly string[]): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => !names.includes(name)));
}
