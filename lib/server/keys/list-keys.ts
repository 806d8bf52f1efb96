import "server-only";
import { RaftscopeError } from "../../errors";
import type { KeyListing } from "../../keys/key-api";
import { bytesText, bytesToBase64 } from "../../keys/key-bytes";
import type { ListKeysInput } from "../../keys/key-query";
import type { KeyRangeReader } from "../../keys/key-range-reader";
import { listChildren } from "../../keys/list-children";
import { encodeCursor } from "../../keys/list-cursor";
import { annotateFromIndex, listFromIndex } from "../keyspace/index-listing";
import { listMixedFromIndex } from "../keyspace/index-mixed-listing";
import type { KeyspaceIndex } from "../keyspace/keyspace-index";
import { currentRevision } from "./current-revision";
import type { KeyReader } from "./key-reader";

/**
 * Keys-only range reads for the listing. The first read of a page is linearizable; the rest are
 * pinned to its revision and served by the same member from its own state. A batch whose keys
 * exceed gRPC's receive limit is retried smaller.
 */
function pageReader(reader: KeyReader): KeyRangeReader {
  let first = true;
  return async ({ start, end, limit, revision }) => {
    for (let batch = limit; ; batch = Math.max(1, Math.floor(batch / 2))) {
      try {
        const answer = await reader.range({
          start,
          end,
          limit: batch,
          revision,
          keysOnly: true,
          serializable: !first,
        });
        first = false;
        return {
          keys: answer.records.map((r) => r.key),
          more: answer.more,
          count: answer.count,
          headerRevision: answer.headerRevision,
        };
      } catch (err) {
        if (!(err instanceof RaftscopeError && err.code === "VALUE_TOO_LARGE") || batch === 1)
          throw err;
      }
    }
  };
}

/**
 * One page of a prefix's children, as the API answers it: from the keyspace index when it is
 * ready and can answer alone (a directory of directories, at the newest revision), or with
 * reads only between the directories it knows (a directory with keys of its own), otherwise
 * from etcd, with directory figures added from the index when it is ready.
 */
export async function listKeys(
  reader: KeyReader,
  input: ListKeysInput,
  index?: KeyspaceIndex,
): Promise<KeyListing> {
  reader.assertCanSee();
  const fromIndex = index
    ? (listFromIndex(index, input) ?? (await listMixedFromIndex(index, reader, input)))
    : undefined;
  if (fromIndex) return fromIndex;
  const page = await listChildren(
    pageReader(reader),
    {
      prefix: input.prefix,
      separator: input.separator,
      ...(input.after ? { start: input.after } : {}),
      limit: input.limit,
      revision: input.revision ?? 0,
    },
    reader.hints,
  );
  // A page that needed no read (a cursor at the end) still reports the revision.
  const header = page.reads > 0 ? page.headerRevision : await currentRevision(reader);
  const listing: KeyListing = {
    revision: page.revision || input.revision || header,
    currentRevision: header,
    prefix: bytesText(input.prefix),
    prefixBase64: bytesToBase64(input.prefix),
    separator: bytesText(input.separator),
    children: page.children.map((c) => ({
      name: bytesText(c.name),
      key: bytesText(c.key),
      keyBase64: bytesToBase64(c.key),
      kind: c.kind,
    })),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
  return index ? annotateFromIndex(index, listing) : listing;
}
