import type { DirectoryStats, KeyspaceTree } from "./keyspace-tree";

export interface TreeListing {
  /** Child directories in key order, at most `limit`. */
  children: DirectoryStats[];
  /** More children follow the last one. */
  more: boolean;
}

/**
 * One page of the child directories of `prefix` (latin1, "" or ending with "/") from the index,
 * starting at the first child at or after `after`; undefined when the index cannot answer alone:
 * the directory holds keys of its own (those are not kept) or directories past MAX_DEPTH. A
 * directory the index does not hold has no keys: an empty page. Sorting is bounded by the
 * directory's child count.
 */
export function listFromTree(
  tree: KeyspaceTree,
  prefix: string,
  after: string | undefined,
  limit: number,
): TreeListing | undefined {
  const dir = tree.get(prefix);
  if (!dir) return { children: [], more: false };
  if (dir.ownKeys > 0 || dir.deep) return undefined;
  // Latin1 code-unit order is etcd's byte order.
  const paths = [...dir.children].filter((p) => after === undefined || p >= after).sort();
  const children: DirectoryStats[] = [];
  for (const path of paths.slice(0, limit)) {
    const child = tree.get(path);
    if (child) children.push(child);
  }
  return { children, more: paths.length > limit };
}
