import { formatMs } from "../format/format-ms";
import { formatSeconds } from "../format/format-seconds";
import { thresholds } from "../health/thresholds";
import type { ForensicSample, MemberForensics } from "./forensic-sample";
import type { Evidence, EvidenceCause } from "./leader-change-forensics";

/** How close to a leader change a new process must have started to count as its cause; ms. */
const RESTART_NEAR_CHANGE_MS = 10_000;

export interface LeaderChange {
  /** The old leader's member id; null when there was none to blame. */
  fromId: string | null;
  /** When the new leader was first seen, Unix ms. */
  at: number;
}

// Most specific first: a transfer or a restart explains everything after it.
const RANK: EvidenceCause[] = [
  "transfer",
  "restarted",
  "stopped_answering",
  "heartbeat_failures",
  "defrag_or_snapshot",
  "slow_disk",
  "slow_peers",
  "slow_applies",
  "near_quota",
];

const of = (samples: ForensicSample[], id: string) =>
  samples.flatMap((s) => {
    const m = s.members[id];
    return m ? [{ t: s.t, m }] : [];
  });

function rise(
  seen: Array<{ m: MemberForensics }>,
  pick: (m: MemberForensics) => number | undefined,
) {
  const values = seen.map((s) => pick(s.m)).filter((v): v is number => v !== undefined);
  const first = values[0];
  const last = values.at(-1);
  return first === undefined || last === undefined ? 0 : Math.max(0, last - first);
}

function peak(
  seen: Array<{ m: MemberForensics }>,
  pick: (m: MemberForensics) => number | undefined,
) {
  return Math.max(0, ...seen.map((s) => pick(s.m) ?? 0));
}

/** Whether a silent member's calls ran out their deadline (frozen or cut off) or were refused. */
function refused(error: string | undefined): boolean {
  return !/deadline/i.test(error ?? "");
}

function evidenceFor(
  id: string,
  change: LeaderChange,
  before: ForensicSample[],
  after: ForensicSample[],
): Evidence[] {
  const b = of(before, id);
  const a = of(after, id);
  const name = b.at(-1)?.m.name ?? a[0]?.m.name ?? id;
  const found: Evidence[] = [];
  const add = (cause: EvidenceCause, summary: string, numbers: Record<string, number>) =>
    found.push({ cause, memberId: id, summary, numbers });

  // etcd has no metric for a transfer; the MoveLeader call it answered shows in gRPC's counters.
  const transfers = rise([...b, ...a], (m) => m.moveLeaderTotal);
  if (transfers > 0)
    add("transfer", `${name} answered a MoveLeader call: a leadership transfer, no fault`, {
      moveLeaderCalls: transfers,
    });

  const starts = [...b, ...a]
    .map((s) => s.m.processStartTimeSeconds)
    .filter((v): v is number => v !== undefined);
  const firstStart = starts[0];
  const lastStart = starts.at(-1);
  // A process that started well before the change was an earlier election's story, not this one's.
  const startedNearChange =
    lastStart !== undefined && lastStart * 1000 >= change.at - RESTART_NEAR_CHANGE_MS;
  if (
    firstStart !== undefined &&
    lastStart !== undefined &&
    lastStart > firstStart &&
    startedNearChange
  ) {
    const back = a.find((s) => s.m.reachable && s.m.processStartTimeSeconds === lastStart);
    add(
      "restarted",
      `${name} restarted: a new process started ${formatSeconds(lastStart - firstStart)} after the one that led`,
      {
        previousStartSeconds: firstStart,
        newStartSeconds: lastStart,
        ...(back ? { backAfterSeconds: (back.t - change.at) / 1000 } : {}),
      },
    );
  }

  // The last silence before the change: its first missed answer, and the answer before it.
  // A miss is seen only once its call ran out its deadline, so the silence began nearer the
  // last answer than the first miss (a frozen leader's election comes about as its deadline
  // ends): the last answer is what is told.
  let silentFrom: (typeof b)[number] | undefined;
  let lastAnswer: (typeof b)[number] | undefined;
  for (const s of b) {
    if (s.m.reachable) {
      silentFrom = undefined;
      lastAnswer = s;
    } else silentFrom ??= s;
  }
  if (silentFrom) {
    const firstMiss = (change.at - silentFrom.t) / 1000;
    const answered = lastAnswer ? (change.at - lastAnswer.t) / 1000 : undefined;
    const how = refused(silentFrom.m.error)
      ? "its port refused connections"
      : "its calls ran out their deadline";
    const when =
      answered === undefined
        ? `it had not answered for at least ${formatSeconds(firstMiss)} before the election`
        : `its last answer came ${formatSeconds(answered)} before the election`;
    add("stopped_answering", `${name} stopped answering (${how}): ${when}`, {
      secondsBeforeElection: answered ?? firstMiss,
      firstMissSecondsBeforeElection: firstMiss,
    });
  }

  const hb = rise(b, (m) => m.heartbeatSendFailuresTotal);
  if (hb > 0)
    add("heartbeat_failures", `heartbeat sends from ${name} failed ${hb} times`, {
      heartbeatSendFailures: hb,
    });

  const defrags = rise(b, (m) => m.defragCount);
  const defragging = b.some((s) => s.m.defragInflight);
  const snaps = rise(b, (m) => m.snapshotSendsTotal) + rise(b, (m) => m.snapshotSavesTotal);
  if (defragging || defrags > 0 || snaps > 0) {
    add(
      "defrag_or_snapshot",
      `${name} was ${defragging || defrags > 0 ? "defragmenting" : "sending or saving a snapshot"}`,
      {
        defragmentations: defrags,
        snapshots: snaps,
      },
    );
  }

  const fsync = peak(b, (m) => m.walFsyncP99Seconds);
  const commit = peak(b, (m) => m.backendCommitP99Seconds);
  if (fsync > thresholds.walFsyncP99Seconds || commit > thresholds.backendCommitP99Seconds) {
    add(
      "slow_disk",
      `${name}'s disk was slow: WAL fsync p99 ${formatSeconds(fsync)} (guidance ${formatMs(thresholds.walFsyncP99Seconds)}), backend commit p99 ${formatSeconds(commit)} (guidance ${formatMs(thresholds.backendCommitP99Seconds)})`,
      {
        walFsyncP99Seconds: fsync,
        backendCommitP99Seconds: commit,
      },
    );
  }
  const rtt = peak(b, (m) => m.peerRoundTripP99Seconds);
  if (rtt > thresholds.peerRoundTripP99Seconds) {
    add(
      "slow_peers",
      `peer round trips from ${name} reached ${formatSeconds(rtt)} p99 (etcd mixin: ${formatMs(thresholds.peerRoundTripP99Seconds)})`,
      { peerRoundTripP99Seconds: rtt },
    );
  }
  const slow = rise(b, (m) => m.slowApplyTotal);
  if (slow > 0)
    add(
      "slow_applies",
      `${name} applied ${slow} entries slowly (over ${formatMs(thresholds.slowApplySeconds)} each)`,
      {
        slowApplies: slow,
      },
    );
  const fill = peak(b, (m) =>
    m.dbSizeBytes && m.quotaBackendBytes ? m.dbSizeBytes / m.quotaBackendBytes : 0,
  );
  if (fill >= thresholds.dbQuotaCriticalRatio) {
    add("near_quota", `${name}'s database was at ${(fill * 100).toFixed(0)} % of its quota`, {
      quotaRatio: fill,
    });
  }
  return found;
}

function likelyText(evidence: Evidence[]): string {
  const top = evidence[0];
  if (!top) return "no cause visible in the metrics";
  const lead: Record<EvidenceCause, string> = {
    transfer: "a leadership transfer",
    restarted: "the leader restarted",
    stopped_answering: "the leader was frozen or cut off",
    heartbeat_failures: "the leader could not reach its followers",
    defrag_or_snapshot: "the leader was busy with a defragmentation or a snapshot",
    slow_disk: "the leader's disk was too slow",
    slow_peers: "the network between members was slow",
    slow_applies: "the leader applied entries too slowly",
    near_quota: "the leader's database was near its quota",
  };
  const head =
    top.cause === "stopped_answering" && /refused connections/.test(top.summary)
      ? "the leader's process was gone"
      : lead[top.cause];
  return `likely: ${head}: ${evidence
    .slice(0, 3)
    .map((e) => e.summary)
    .join("; ")}`;
}

/**
 * Ranks the likely causes of one leader change from the samples before it (and, for a restart,
 * the ones after), each with its numbers. Only the old leader is examined: a change is about
 * why it stopped leading. When nothing stands out it says "no cause visible in the metrics",
 * never a guess. Thresholds come from thresholds.ts: etcd's hardware guidance (fsync, commit),
 * the etcd mixin (peer round trip, quota) and etcd's slow-apply warning.
 */
export function explainLeaderChange(
  change: LeaderChange,
  before: ForensicSample[],
  after: ForensicSample[],
): { likely: string; evidence: Evidence[] } {
  if (!change.fromId) return { likely: "no cause visible in the metrics", evidence: [] };
  const evidence = evidenceFor(change.fromId, change, before, after).sort(
    (x, y) => RANK.indexOf(x.cause) - RANK.indexOf(y.cause),
  );
  return { likely: likelyText(evidence), evidence };
}
