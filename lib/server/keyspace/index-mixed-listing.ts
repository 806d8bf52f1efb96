import "server-only";
import type { KeyListing } from "../../keys/key-api";
import { bytesLatin1, bytesText, bytesToBase64 } from "../../keys/key-bytes";
import type { ListKeysInput } from "../../keys/key-query";
import { keySuccessor, prefixEnd } from "../../keys/key-range";
import { latin1Bytes } from "../../keyspace/latin1";
import type { KeyReader } from "../keys/key-reader";
import { indexedDirectory, indexedPage } from "./index-listing";
import type { KeyspaceIndex } from "./keyspace-index";

const SLASH = 0x2f;
/** Reads one page may make; a page that would need more ends early, with a cursor. */
const MAX_GAP_READS = 8;

type Child = KeyListing["children"][number];

function keyChild(prefix: Uint8Array, key: Uint8Array): Child {
  return {
    name: bytesText(key.subarray(prefix.length)),
    key: bytesText(key),
    keyBase64: bytesToBase64(key),
    kind: "key",
  };
}

/**
 * A listing page of a directory that holds keys of its own beside directories (the root of a
 * Kubernetes store): the directories from the ready index, the keys from etcd, read only in
 * the gaps between directories (keys-only, at the index's revision, at most MAX_GAP_READS
 * reads), so no read walks a child directory's keys. Undefined when the index cannot help
 * (not ready, another separator or revision, too deep) or a gap holds a key the index does not
 * know: the caller then lists the way it does without the index.
 */
export async function listMixedFromIndex(
  index: KeyspaceIndex,
  reader: KeyReader,
  input: ListKeysInput,
): Promise<KeyListing | undefined> {
  const tree = index.tree;
  const revision = index.status().revision;
  if (!index.isReady || !tree || revision === null || input.revision !== undefined) return;
  if (input.separator.length !== 1 || input.separator[0] !== SLASH) return;
  const { prefix, limit } = input;
  if (prefix.length > 0 && prefix[prefix.length - 1] !== SLASH) return;
  const dir = tree.get(bytesLatin1(prefix));
  if (!dir || dir.deep) return;
  // Taken in one synchronous step, so the directories are those of `revision`.
  const after = input.after ? bytesLatin1(input.after) : bytesLatin1(prefix);
  const dirs = [...dir.children]
    .filter((p) => p >= after)
    .sort()
    .flatMap((p) => {
      const d = tree.get(p);
      return d ? [{ key: latin1Bytes(p), stats: d }] : [];
    });
  const end = prefixEnd(prefix);
  const children: Child[] = [];
  let position = input.after ?? prefix;
  let cursor: Uint8Array | null = null;
  let reads = 0;
  const gap = async (gapEnd: Uint8Array, room: number) => {
    const answer = await reader.range({
      start: position,
      end: gapEnd,
      // One more than there is room for says whether more follows.
      limit: room + 1,
      revision,
      keysOnly: true,
      serializable: reads > 0,
    });
    reads++;
    const keys = answer.records.map((r) => r.key);
    // A key below a directory the index does not know: the index is behind; list without it.
    if (keys.some((k) => k.subarray(prefix.length).includes(SLASH))) throw new Error("stale");
    return keys;
  };
  try {
    for (let i = 0; ; i++) {
      const next = dirs[i];
      if (reads === MAX_GAP_READS) {
        cursor = position;
        break;
      }
      const room = limit - children.length;
      const keys = await gap(next ? next.key : end, room);
      for (const key of keys.slice(0, room)) children.push(keyChild(prefix, key));
      const lastKey = keys[Math.min(room, keys.length) - 1];
      if (keys.length > room || (children.length === limit && next)) {
        cursor = lastKey ? keySuccessor(lastKey) : position;
        break;
      }
      if (!next) break;
      children.push(indexedDirectory(prefix, next.stats));
      position = prefixEnd(next.key);
      if (children.length === limit) {
        const follows = i + 1 < dirs.length || (await gap(end, 0)).length > 0;
        cursor = follows ? position : null;
        break;
      }
    }
  } catch {
    return;
  }
  return indexedPage(prefix, revision, children, cursor);
}
