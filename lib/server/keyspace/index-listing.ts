import "server-only";
import type { KeyListing } from "../../keys/key-api";
import { base64ToBytes, bytesLatin1, bytesText, bytesToBase64 } from "../../keys/key-bytes";
import type { ListKeysInput } from "../../keys/key-query";
import { prefixEnd } from "../../keys/key-range";
import { encodeCursor } from "../../keys/list-cursor";
import type { DirectoryStats } from "../../keyspace/keyspace-tree";
import { latin1Bytes } from "../../keyspace/latin1";
import { listFromTree } from "../../keyspace/list-from-tree";
import type { KeyspaceIndex } from "./keyspace-index";

const SLASH = 0x2f;

function figures(dir: DirectoryStats) {
  return { keys: dir.keys, bytes: dir.keyBytes + dir.valueBytes };
}

type Child = KeyListing["children"][number];

/** A listing's entry for child directory `dir` of `prefix`, with the index's figures. */
export function indexedDirectory(prefix: Uint8Array, dir: DirectoryStats): Child {
  const key = latin1Bytes(dir.path);
  return {
    name: bytesText(key.subarray(prefix.length)),
    key: bytesText(key),
    keyBase64: bytesToBase64(key),
    kind: "dir",
    ...figures(dir),
  };
}

/** A listing page answered with the index, as of its revision (the newest it has followed). */
export function indexedPage(
  prefix: Uint8Array,
  revision: number,
  children: Child[],
  cursor: Uint8Array | null,
): KeyListing {
  return {
    revision,
    currentRevision: revision,
    prefix: bytesText(prefix),
    prefixBase64: bytesToBase64(prefix),
    separator: "/",
    children,
    nextCursor: cursor ? encodeCursor(cursor) : null,
    fromIndex: true,
  };
}

/**
 * A listing page answered by the ready index alone, without a read: only for the separator "/",
 * the newest revision, and a directory of directories; undefined otherwise.
 */
export function listFromIndex(index: KeyspaceIndex, input: ListKeysInput): KeyListing | undefined {
  const tree = index.tree;
  const revision = index.status().revision;
  if (!index.isReady || !tree || revision === null || input.revision !== undefined) return;
  if (input.separator.length !== 1 || input.separator[0] !== SLASH) return;
  const { prefix } = input;
  if (prefix.length > 0 && prefix[prefix.length - 1] !== SLASH) return;
  const page = listFromTree(
    tree,
    bytesLatin1(prefix),
    input.after ? bytesLatin1(input.after) : undefined,
    input.limit,
  );
  if (!page) return;
  const last = page.children[page.children.length - 1];
  return indexedPage(
    prefix,
    revision,
    page.children.map((dir) => indexedDirectory(prefix, dir)),
    page.more && last ? prefixEnd(latin1Bytes(last.path)) : null,
  );
}

/** A listing read from etcd, with each directory's figures from the ready index. */
export function annotateFromIndex(index: KeyspaceIndex, listing: KeyListing): KeyListing {
  const tree = index.tree;
  if (!index.isReady || !tree || listing.separator !== "/") return listing;
  return {
    ...listing,
    children: listing.children.map((child) => {
      const bytes = child.kind === "dir" ? base64ToBytes(child.keyBase64) : undefined;
      const dir = bytes ? tree.get(bytesLatin1(bytes)) : undefined;
      return dir ? { ...child, ...figures(dir) } : child;
    }),
  };
}
