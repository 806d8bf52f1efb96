import "server-only";
import type { IWatchResponse } from "etcd3";
import { createMemberClient } from "../etcd/member-client";
import type { TlsMaterial } from "../etcd/tls-material";

/**
 * The oldest revision `endpoint` still holds, learned without a failing request: a watch
 * created at a compacted `revision` is cancelled with etcd's `compact_revision` (the oldest
 * readable one; rpc.proto WatchResponse). Null when the answer does not come within
 * `deadlineMs` or the revision turns out not to be compacted. The watch covers the single key
 * "\0" and is closed at once.
 */
export async function probeCompactRevision(
  endpoint: string,
  tls: TlsMaterial | undefined,
  revision: number,
  deadlineMs: number,
): Promise<number | null> {
  const client = createMemberClient(endpoint, tls);
  try {
    const stream = await client.watchClient.watch();
    try {
      return await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), deadlineMs);
        stream.on("data", (res: IWatchResponse) => {
          const compact = Number(res.compact_revision ?? 0);
          if (compact > 0 || res.canceled) {
            clearTimeout(timer);
            resolve(compact > 0 ? compact : null);
          }
        });
        stream.on("error", () => {
          clearTimeout(timer);
          resolve(null);
        });
        stream.write({ create_request: { key: Buffer.from([0]), start_revision: revision } });
      });
    } finally {
      stream.cancel();
    }
  } catch {
    return null;
  } finally {
    client.close();
  }
}
