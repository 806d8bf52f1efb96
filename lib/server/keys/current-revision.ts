import "server-only";
import type { KeyReader } from "./key-reader";

/**
 * The cluster's current revision: the header of a Range for the single key "\0", which costs
 * one index lookup whatever the size of the keyspace.
 */
export async function currentRevision(reader: KeyReader): Promise<number> {
  const answer = await reader.range({
    start: Uint8Array.of(0),
    limit: 1,
    revision: 0,
    keysOnly: true,
    serializable: false,
  });
  return answer.headerRevision;
}
