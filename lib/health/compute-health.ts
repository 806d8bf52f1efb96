import type { ClusterSnapshot, MemberSnapshot, MemberStatus } from "../member-snapshot";
import { tlsHealth } from "../tls/tls-health";
import type { TlsObservations } from "../tls/tls-observations";
import type {
  ClusterHealth,
  ClusterStatus,
  HealthWarning,
  MemberView,
  QuorumView,
} from "./cluster-health";
import { quorumOf } from "./quorum";
import { thresholds } from "./thresholds";

export interface HealthInput {
  id: string;
  name: string;
  snapshot: ClusterSnapshot;
  /** Leader changes seen in the last 15 minutes; undefined while unknown. */
  leaderChangesInWindow?: number;
  applyLagThreshold: number;
  pollIntervalMs: number;
  /** Last time any member answered; epoch ms. */
  lastGoodSweepAt: number | undefined;
  /** Certificates and TLS problems; absent for a cluster reached without TLS. */
  tls?: TlsObservations;
}

interface Reachable {
  snap: MemberSnapshot;
  status: MemberStatus;
  latencyMs: number;
}

function reachableStatus(snap: MemberSnapshot): Reachable | undefined {
  return snap.probe.kind === "reachable"
    ? { snap, status: snap.probe.status, latencyMs: snap.probe.latencyMs }
    : undefined;
}

/** Status answers are fresher than MemberList: a promotion shows there first. */
function isLearner(snap: MemberSnapshot): boolean {
  return snap.probe.kind === "reachable" ? snap.probe.status.isLearner : snap.member.isLearner;
}

function displayName(snap: MemberSnapshot): string {
  return snap.member.name || snap.member.id;
}

interface LeaderVerdict {
  leaderId: string | undefined;
  term: number | null;
  disagreement: string[] | undefined;
}

/** The leader the voters agree on, in the highest term any reachable voter reports. */
function agreeOnLeader(voters: Reachable[]): LeaderVerdict {
  const reporting = voters.filter((v) => v.status.leaderId !== undefined);
  const term = voters.reduce<number | null>((t, v) => Math.max(t ?? 0, v.status.raftTerm), null);
  if (reporting.length === 0) return { leaderId: undefined, term, disagreement: undefined };
  const topTerm = Math.max(...reporting.map((v) => v.status.raftTerm));
  const votes = new Map<string, number>();
  for (const v of reporting) {
    if (v.status.raftTerm !== topTerm || !v.status.leaderId) continue;
    votes.set(v.status.leaderId, (votes.get(v.status.leaderId) ?? 0) + 1);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const distinct = new Set(reporting.map((v) => v.status.leaderId));
  return {
    leaderId: ranked[0]?.[0],
    term,
    disagreement: distinct.size > 1 ? [...distinct].filter((d): d is string => !!d) : undefined,
  };
}

function majorMinor(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

function memberWarnings(
  snap: MemberSnapshot,
  lag: number | null,
  applyLagThreshold: number,
): HealthWarning[] {
  const out: HealthWarning[] = [];
  const name = displayName(snap);
  const memberId = snap.member.id;
  if (snap.probe.kind === "unreachable") {
    out.push({
      code: "MEMBER_UNREACHABLE",
      severity: "critical",
      memberId,
      message: `Member ${name} is unreachable: ${snap.probe.error}`,
    });
    return out;
  }
  const status = snap.probe.status;
  if (lag !== null && lag > applyLagThreshold) {
    out.push({
      code: "APPLY_LAG",
      severity: "warning",
      memberId,
      message: `Member ${name} has applied ${lag} entries fewer than the leader`,
    });
  }
  const m = snap.metrics;
  const quota = m?.quotaBackendBytes ?? thresholds.defaultQuotaBackendBytes;
  const ratio = status.dbSizeBytes / quota;
  if (ratio >= thresholds.dbQuotaWarnRatio) {
    out.push({
      code: "DB_NEAR_QUOTA",
      severity: ratio >= thresholds.dbQuotaCriticalRatio ? "critical" : "warning",
      memberId,
      message: `Member ${name}'s database is at ${Math.round(ratio * 100)}% of its ${formatMiB(quota)} quota`,
    });
  }
  if (m?.walFsyncP99Seconds !== undefined && m.walFsyncP99Seconds > thresholds.walFsyncP99Seconds) {
    out.push({
      code: "SLOW_FSYNC",
      severity: "warning",
      memberId,
      message: `Member ${name}'s WAL fsync p99 is ${formatMs(m.walFsyncP99Seconds)} (etcd recommends under 10 ms)`,
    });
  }
  if (
    m?.backendCommitP99Seconds !== undefined &&
    m.backendCommitP99Seconds > thresholds.backendCommitP99Seconds
  ) {
    out.push({
      code: "SLOW_COMMIT",
      severity: "warning",
      memberId,
      message: `Member ${name}'s backend commit p99 is ${formatMs(m.backendCommitP99Seconds)} (etcd recommends under 25 ms)`,
    });
  }
  for (const [peer, rtt] of Object.entries(m?.peerRoundTripP99Seconds ?? {})) {
    if (rtt > thresholds.peerRoundTripP99Seconds) {
      out.push({
        code: "HIGH_PEER_RTT",
        severity: "warning",
        memberId,
        message: `Round trip from ${name} to peer ${peer} is ${formatMs(rtt)} at p99 (above 150 ms)`,
      });
    }
  }
  return out;
}

function formatMs(seconds: number): string {
  return `${(seconds * 1000).toFixed(seconds < 0.01 ? 1 : 0)} ms`;
}

function formatMiB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

function statusOf(writable: boolean, quorum: QuorumView, warnings: HealthWarning[]): ClusterStatus {
  if (!writable) return "unavailable";
  if (quorum.remaining === 0) return "critical";
  if (warnings.some((w) => w.severity !== "info")) return "degraded";
  return "healthy";
}

/** Derives leader, quorum, status and warnings from one snapshot. Pure. */
export function computeClusterHealth(input: HealthInput): ClusterHealth {
  const { snapshot } = input;
  const voterSnaps = snapshot.members.filter((s) => !isLearner(s));
  const learnerCount = snapshot.members.length - voterSnaps.length;
  const reachableVoters = voterSnaps.map(reachableStatus).filter((r): r is Reachable => !!r);
  const verdict = agreeOnLeader(reachableVoters);
  const leaderSnap = snapshot.members.find((s) => s.member.id === verdict.leaderId);
  const leaderReachable = leaderSnap?.probe.kind === "reachable";
  const leaderStatus = leaderSnap ? reachableStatus(leaderSnap)?.status : undefined;

  const leader =
    leaderSnap && leaderReachable
      ? { id: leaderSnap.member.id, name: displayName(leaderSnap) }
      : null;
  // A voter that answers us but does not follow the leader is cut off from its peers (a
  // partition): it cannot help form a quorum, so it does not count as healthy.
  const isolated = leader
    ? reachableVoters.filter(
        (r) => r.snap.member.id !== leader.id && r.status.leaderId !== leader.id,
      )
    : [];
  const quorum = quorumOf(
    voterSnaps.length,
    reachableVoters.length - isolated.length,
    learnerCount,
  );
  // A NOSPACE alarm makes etcd refuse every write but deletes and compaction, whatever the quorum.
  const nospace = snapshot.members.some(
    (m) => m.probe.kind === "reachable" && m.probe.status.alarms.some((a) => a.alarm === "NOSPACE"),
  );
  const writable = leader !== null && quorum.margin >= 0 && !nospace;

  const warnings: HealthWarning[] = [];
  if (snapshot.discoveryError) {
    warnings.push({
      code: "MEMBER_UNREACHABLE",
      severity: "critical",
      message: snapshot.discoveryError,
    });
  }
  if (voterSnaps.length > 0 && voterSnaps.length % 2 === 0) {
    warnings.push({
      code: "EVEN_VOTERS",
      severity: "info",
      message: `${voterSnaps.length} voters tolerate no more failures than ${voterSnaps.length - 1}; an odd count is recommended`,
    });
  }
  if (!leader && snapshot.members.length > 0) {
    warnings.push({
      code: "NO_LEADER",
      severity: "critical",
      message:
        leaderSnap && !leaderReachable
          ? `The leader ${displayName(leaderSnap)} is unreachable; the voters have not elected a new one yet`
          : "No member reports a leader: writes are failing",
    });
  }
  for (const r of isolated) {
    warnings.push({
      code: "MEMBER_ISOLATED",
      severity: "critical",
      memberId: r.snap.member.id,
      message: `Member ${displayName(r.snap)} answers but does not follow the leader ${leader?.name} (its term ${r.status.raftTerm}): it is cut off from its peers`,
    });
  }
  if (verdict.disagreement) {
    const names = verdict.disagreement.map(
      (id) => snapshot.members.find((s) => s.member.id === id)?.member.name || id,
    );
    warnings.push({
      code: "LEADER_DISAGREEMENT",
      severity: "warning",
      message: `Members disagree on the leader: ${names.join(", ")}`,
    });
  }

  const members: MemberView[] = snapshot.members.map((snap) => {
    const r = reachableStatus(snap);
    const lag =
      r && leaderStatus && snap.member.id !== leaderSnap?.member.id
        ? Math.max(0, leaderStatus.raftAppliedIndex - r.status.raftAppliedIndex)
        : r && leaderStatus
          ? 0
          : null;
    warnings.push(...memberWarnings(snap, lag, input.applyLagThreshold));
    const ownAlarms = (r?.status.alarms ?? []).filter((a) => a.memberId === snap.member.id);
    return {
      id: snap.member.id,
      name: displayName(snap),
      endpoint: snap.endpoint,
      role: isLearner(snap) ? "learner" : snap.member.id === leader?.id ? "leader" : "follower",
      reachable: !!r,
      latencyMs: r ? r.latencyMs : null,
      version: r?.status.version ?? null,
      dbSizeBytes: r?.status.dbSizeBytes ?? null,
      dbSizeInUseBytes: r?.status.dbSizeInUseBytes ?? null,
      quotaBackendBytes: snap.metrics?.quotaBackendBytes ?? null,
      raftIndex: r?.status.raftIndex ?? null,
      raftAppliedIndex: r?.status.raftAppliedIndex ?? null,
      raftTerm: r?.status.raftTerm ?? null,
      applyLag: lag,
      alarms: ownAlarms.map((a) => a.alarm),
      peerRoundTripsSeconds: snap.metrics?.peerRoundTripP99Seconds ?? {},
      error:
        snap.probe.kind === "unreachable" ? snap.probe.error : r?.status.errors.join("; ") || null,
      peerUrls: snap.member.peerUrls,
      clientUrls: snap.member.clientUrls,
      ...(snap.probe.kind === "unreachable" && snap.probe.tlsProblem
        ? { tlsProblem: snap.probe.tlsProblem.kind }
        : {}),
    };
  });

  // Every member reports every alarm; report each once, on the member it was raised on.
  const alarms = new Map<string, { memberId: string; alarm: string }>();
  for (const snap of snapshot.members) {
    const r = reachableStatus(snap);
    for (const a of r?.status.alarms ?? []) alarms.set(`${a.memberId}:${a.alarm}`, a);
  }
  for (const a of alarms.values()) {
    const name =
      snapshot.members.find((s) => s.member.id === a.memberId)?.member.name || a.memberId;
    warnings.push({
      code: a.alarm === "NOSPACE" ? "ALARM_NOSPACE" : "ALARM_CORRUPT",
      severity: "critical",
      memberId: a.memberId,
      message:
        a.alarm === "NOSPACE"
          ? `NOSPACE alarm on ${name}: the cluster accepts only reads and deletes until space is freed and the alarm disarmed`
          : `CORRUPT alarm on ${name}: its data diverged from the other members`,
    });
    const view = members.find((m) => m.id === a.memberId);
    if (view && !view.alarms.includes(a.alarm)) view.alarms.push(a.alarm);
  }

  const versions = new Set(members.flatMap((m) => (m.version ? [m.version] : [])));
  if (versions.size > 1) {
    const minors = new Set([...versions].map(majorMinor));
    warnings.push({
      code: "VERSION_SKEW",
      severity: minors.size > 1 ? "warning" : "info",
      message: `Members run different etcd versions: ${[...versions].sort().join(", ")}`,
    });
  }
  if (
    input.leaderChangesInWindow !== undefined &&
    input.leaderChangesInWindow >= thresholds.leaderChangesWarn
  ) {
    warnings.push({
      code: "FREQUENT_LEADER_CHANGES",
      severity: "warning",
      message: `${input.leaderChangesInWindow} leader changes in the last 15 minutes`,
    });
  }

  const tls = input.tls ? tlsHealth(input.tls, snapshot.members, snapshot.observedAt) : undefined;
  if (tls) warnings.push(...tls.warnings);

  return {
    id: input.id,
    name: input.name,
    clusterId: snapshot.etcdClusterId,
    observedAt: new Date(snapshot.observedAt).toISOString(),
    pollIntervalMs: input.pollIntervalMs,
    lastGoodSweepAt:
      input.lastGoodSweepAt !== undefined ? new Date(input.lastGoodSweepAt).toISOString() : null,
    status: statusOf(writable, quorum, warnings),
    writable,
    leader,
    // The leader's term: a partitioned member campaigning alone inflates its own.
    raftTerm: leader && leaderStatus ? leaderStatus.raftTerm : verdict.term,
    quorum,
    members,
    warnings,
    ...(tls ? { tls: tls.view } : {}),
  };
}
