import "server-only";
import { bytesText, bytesToBase64 } from "../../keys/key-bytes";
import { prefixEnd } from "../../keys/key-range";
import type { SearchLine } from "../../keys/key-search-api";
import { nameContains } from "../../keys/name-match";
import type { SearchKeysInput } from "../../keys/search-query";
import { ScanPager } from "../../keyspace/scan-pager";
import type { KeyReader } from "./key-reader";

/** A search reads at most this many keys: the cap the user sees when a prefix is larger. */
export const MAX_SEARCH_SCANNED = 1_000_000;
const PAGE_BYTES = 256 * 1024;

/**
 * Finds keys under `prefix` whose name contains `q`, as a bounded keys-only scan pinned to one
 * revision: pages planned by ScanPager (so no read walks the rest of the prefix), every read
 * through the cluster's reader (semaphore, deadline). Yields matches as found, progress after
 * every page, and a last line saying why it stopped. Only key names leave the server, never
 * values, so redaction (which hides values) has nothing to withhold here.
 */
export async function* searchKeys(
  reader: KeyReader,
  input: SearchKeysInput,
  signal: AbortSignal,
): AsyncGenerator<SearchLine> {
  const pager = new ScanPager(PAGE_BYTES, 64, {
    start: input.prefix,
    end: prefixEnd(input.prefix),
  });
  let revision = 0;
  let matches = 0;
  while (!pager.done && !signal.aborted) {
    const read = pager.next();
    const answer = await reader.range({
      start: read.start,
      end: read.end,
      limit: read.limit,
      revision,
      keysOnly: true,
      serializable: revision !== 0,
    });
    revision ||= answer.headerRevision;
    const keys = answer.records.map((r) => r.key);
    pager.consume(read, {
      keys,
      bytes: keys.reduce((n, k) => n + k.length, 0),
      more: answer.more,
      count: answer.count,
    });
    for (const key of keys) {
      if (!nameContains(key, input.prefix.length, input.q)) continue;
      yield { type: "match", key: bytesText(key), keyBase64: bytesToBase64(key) };
      if (++matches >= input.limit) {
        yield { type: "done", scanned: pager.scanned, matches, revision, stoppedBy: "matches" };
        return;
      }
    }
    yield { type: "progress", scanned: pager.scanned, total: pager.total ?? 0, revision };
    if (pager.scanned >= MAX_SEARCH_SCANNED && !pager.done) {
      yield { type: "done", scanned: pager.scanned, matches, revision, stoppedBy: "scanned" };
      return;
    }
  }
  yield { type: "done", scanned: pager.scanned, matches, revision, stoppedBy: "complete" };
}
