/** The what-if selection as the URL carries it: `?fail=m1,m2&failnodes=cp-1`. */
export interface FailSelection {
  /** etcd member names. */
  members: string[];
  /** Node names: failing a node takes down every component on it. */
  nodes: string[];
}

function names(value: string | null): string[] {
  if (!value) return [];
  const parts = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return [...new Set(parts)].sort();
}

/** Reads the selection from search parameters; unknown names are kept and ignored later. */
export function parseFailSelection(params: { get(name: string): string | null }): FailSelection {
  return { members: names(params.get("fail")), nodes: names(params.get("failnodes")) };
}

/** The selection as search-parameter values; null removes a parameter. */
export function failSelectionParams(selection: FailSelection): {
  fail: string | null;
  failnodes: string | null;
} {
  const join = (list: string[]) => (list.length > 0 ? [...new Set(list)].sort().join(",") : null);
  return { fail: join(selection.members), failnodes: join(selection.nodes) };
}

/** Adds the name when absent, removes it when present. */
export function toggleName(list: readonly string[], name: string): string[] {
  return list.includes(name) ? list.filter((n) => n !== name) : [...list, name].sort();
}
