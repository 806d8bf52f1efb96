import "server-only";
import { bytesLatin1 } from "../../keys/key-bytes";
import type { KeyspaceSummary } from "../../keyspace/keyspace-api";
import type { KeyspaceQuery } from "../../keyspace/keyspace-query";
import { KeyspaceTree } from "../../keyspace/keyspace-tree";
import { summarizeDirectory } from "../../keyspace/summarize-directory";
import type { KeyspaceIndex } from "./keyspace-index";

const EMPTY = new KeyspaceTree();

/** One directory of the index as the API answers it, with the index's state and revision. */
export function keyspaceSummary(index: KeyspaceIndex, query: KeyspaceQuery): KeyspaceSummary {
  const status = index.status();
  const tree = status.state === "off" ? EMPTY : (index.tree ?? EMPTY);
  return {
    ...status,
    ...summarizeDirectory(tree, bytesLatin1(query.prefix), query.limit, Date.now()),
  };
}
