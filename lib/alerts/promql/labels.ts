/** A series' label set, as PromQL sees it (the metric name is never part of it here). */
export type Labels = Readonly<Record<string, string>>;

/**
 * A stable identity for a label set: the same labels in any order give the same key. With
 * `skip`, the identity of the labels left after `without (skip)`.
 */
export function labelKey(labels: Labels, skip?: readonly string[]): string {
  // Label names cannot hold NUL or SOH, so the key cannot be forged by a value.
  let key = "";
  for (const name of Object.keys(labels).sort()) {
    if (skip?.includes(name)) continue;
    key += `${name}\u0000${labels[name]}\u0001`;
  }
  return key;
}

/** The labels left after PromQL's `without (…)`: every label but the named ones. */
export function without(labels: Labels, names: readonly string[]): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([name]) => !names.includes(name)));
}
