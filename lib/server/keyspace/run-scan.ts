import "server-only";
import { bytesLatin1 } from "../../keys/key-bytes";
import { ScanPager } from "../../keyspace/scan-pager";
import { abortableSleep } from "./abortable-sleep";
import type { KeyspaceBuild, ScanPass } from "./keyspace-build";
import type { KeyspaceMember, ScanAnswer } from "./keyspace-member";

/** A page of a scan holds about this many bytes of keys and values. */
export const PAGE_BYTES = 256 * 1024;
/** What each key costs on the wire beyond its bytes (revisions, version, lease, framing). */
const PER_KEY_OVERHEAD = 40;

export interface ScanContext {
  member: KeyspaceMember;
  build: KeyspaceBuild;
  deadlineMs: number;
  bytesPerSecond: number;
  signal: AbortSignal;
  /** Called after the first page with its revision: the watch starts right after it. */
  onFirstPage?: (revision: number) => Promise<void>;
  onProgress: (pass: ScanPass, progress: number) => void;
}

/**
 * One pass over the whole keyspace, keys only or with values, in pages planned by ScanPager and
 * paced so that the bytes received stay within the budget on average.
 */
export async function runScan(pass: ScanPass, ctx: ScanContext): Promise<void> {
  const pager = new ScanPager(PAGE_BYTES, pass === "keys" ? 64 : 2048);
  const started = Date.now();
  let received = 0;
  let first = true;
  let cap = Number.POSITIVE_INFINITY;
  while (!pager.done && !ctx.signal.aborted) {
    const planned = pager.next();
    const read = { ...planned, limit: Math.min(planned.limit, cap) };
    ctx.build.beginRead();
    let answer: ScanAnswer;
    try {
      answer = await ctx.member.scan({ ...read, keysOnly: pass === "keys" }, ctx.deadlineMs);
    } catch (err) {
      // gRPC refuses an answer beyond its receive limit: a page of huge values is read smaller.
      if (read.limit > 1 && /larger than max|RESOURCE_EXHAUSTED/i.test(String(err))) {
        cap = Math.max(1, Math.floor(read.limit / 4));
        continue;
      }
      throw err;
    }
    cap = Math.min(Number.POSITIVE_INFINITY, cap * 2);
    pager.consume(read, {
      keys: answer.keys.map((k) => k.key),
      bytes: answer.bytes,
      more: answer.more,
      count: answer.count,
    });
    ctx.build.recordPage(pass, answer, pager.done ? null : bytesLatin1(pager.position));
    ctx.onProgress(pass, pager.progress);
    if (first && ctx.onFirstPage) await ctx.onFirstPage(answer.revision);
    first = false;
    received += answer.bytes + PER_KEY_OVERHEAD * answer.keys.length;
    const due = started + (received / ctx.bytesPerSecond) * 1000;
    await abortableSleep(due - Date.now(), ctx.signal);
  }
  if (ctx.signal.aborted) throw new Error("the scan was stopped");
}
