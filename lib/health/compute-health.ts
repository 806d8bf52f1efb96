import type { ConsistencyMismatch } from "../consistency/consistency-mismatch";
import type { ClusterSnapshot, MemberSnapshot, MemberStatus } from "../member-snapshot";
import { tlsHealth } from "../tls/tls-health";
import type { TlsObservations } from "../tls/tls-observations";
import type {
  ClusterHealth,
  ClusterStatus,
  HealthWarning,
  MemberView,
  ObservedWarning,
  QuorumView,
} from "./cluster-health";
import { consistencyWarning } from "./consistency-warning";
import { agreeOnLeader, type VoterRelation } from "./leader-agreement";
import { learnerProgress } from "./learner-progress";
import { type MemberStateView, memberState } from "./member-state";
import { memberWarnings } from "./member-warnings";
import { quorumOf } from "./quorum";
import { thresholds } from "./thresholds";
import type { JudgeWarnings } from "./warning-judge";

export interface HealthInput {
  id: string;
  name: string;
  snapshot: ClusterSnapshot;
  /** Leader changes seen within `thresholds.leaderChangesWindowMs`; undefined while unknown. */
  leaderChangesInWindow?: number;
  applyLagThreshold: number;
  pollIntervalMs: number;
  /** Last time any member answered; epoch ms. */
  lastGoodSweepAt: number | undefined;
  /** Certificates and TLS problems; absent for a cluster reached without TLS. */
  tls?: TlsObservations;
  /**
   * Since when each voter has not followed the leader (epoch ms), from the previous verdict's
   * `notFollowingSince`: how long it has been behind decides between catching up and cut off.
   */
  notFollowingSince?: Readonly<Record<string, number>>;
  /** How long a voter may be behind the leader before it counts as cut off; ms. */
  catchUpGraceMs?: number;
  /** Peers per member whose round trip is older than etcd's probing period. */
  stalePeerRoundTrips?: Readonly<Record<string, readonly string[]>>;
  /** Why the last events could not be saved; undefined while they are. */
  eventLogProblem?: string;
  /** A fault of Raftscope's own poller, named as such (never as a member's). */
  pollerFault?: string;
  /** Other config entries (their ids) that reached the same etcd cluster ID as this one. */
  sameEtcdClusterAs?: readonly string[];
  /** The last confirmed consistency mismatch, until a later check agreed. */
  consistencyMismatch?: ConsistencyMismatch;
  /**
   * Judges this verdict's warnings against the rules' `for` durations (WarningJudge, one per
   * cluster); `judgeAlone` for a verdict computed once.
   */
  judge: JudgeWarnings;
}

/** Default grace for a voter behind the leader: a few election timeouts at etcd's defaults. */
export const DEFAULT_CATCH_UP_GRACE_MS = thresholds.catchUpGraceMs;

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

function majorMinor(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

function statusOf(
  writable: boolean | null,
  quorum: QuorumView,
  warnings: HealthWarning[],
): ClusterStatus {
  if (writable === null) return "unknown";
  if (!writable) return "unavailable";
  if (quorum.remaining === 0) return "critical";
  // A pending warning has not held for its rule's `for` yet: shown, but not a degradation.
  if (warnings.some((w) => w.state === "firing" && w.severity !== "info")) return "degraded";
  return "healthy";
}

/**
 * Derives leader, term, quorum, status, member states and warnings from one snapshot. Pure
 * apart from `input.judge`, which carries each warning rule's pending/firing state.
 * Quorum is raft's floor(voters/2)+1 over voters only (learners never count). A voter behind the
 * leader counts as healthy for `catchUpGraceMs`; a snapshot taken while Raftscope was blind
 * gives status "unknown" with writable and remaining null.
 */
export function computeClusterHealth(input: HealthInput): ClusterHealth {
  const { snapshot } = input;
  const blind = snapshot.blind !== undefined;
  const voterSnaps = snapshot.members.filter((s) => !isLearner(s));
  const learnerCount = snapshot.members.length - voterSnaps.length;
  const reachableVoters = voterSnaps.map(reachableStatus).filter((r): r is Reachable => !!r);
  const agreement = agreeOnLeader(
    reachableVoters.map((r) => ({ memberId: r.snap.member.id, status: r.status })),
    voterSnaps.length,
  );
  const leaderSnap = snapshot.members.find((s) => s.member.id === agreement.leaderId);
  const leaderStatus = leaderSnap ? reachableStatus(leaderSnap)?.status : undefined;
  const leader =
    !blind && leaderSnap && leaderStatus
      ? { id: leaderSnap.member.id, name: displayName(leaderSnap) }
      : null;

  const states = new Map<string, MemberStateView>();
  for (const snap of snapshot.members) {
    const relation: VoterRelation | undefined = agreement.relations.get(snap.member.id);
    states.set(
      snap.member.id,
      memberState({
        snap,
        learner: isLearner(snap),
        relation,
        leader,
        leaderTerm: agreement.term,
        notFollowingSince: input.notFollowingSince?.[snap.member.id],
        observedAt: snapshot.observedAt,
        catchUpGraceMs: input.catchUpGraceMs ?? DEFAULT_CATCH_UP_GRACE_MS,
        blind,
      }),
    );
  }
  const healthyVoters = voterSnaps.filter((s) => states.get(s.member.id)?.healthyVoter).length;
  const known = quorumOf(voterSnaps.length, healthyVoters, learnerCount);
  const quorum = blind ? { ...known, healthyVoters: null, margin: null, remaining: null } : known;
  // A NOSPACE alarm makes etcd refuse every write but deletes and compaction, whatever the quorum.
  const nospace = snapshot.members.some(
    (m) => m.probe.kind === "reachable" && m.probe.status.alarms.some((a) => a.alarm === "NOSPACE"),
  );
  const writable = blind ? null : leader !== null && (known.margin ?? -1) >= 0 && !nospace;

  const observed: ObservedWarning[] = [];
  if (snapshot.blind) {
    observed.push({
      code: "RAFTSCOPE_BLIND",
      severity: "warning",
      message: blindMessage(snapshot.blind),
    });
  }
  if (input.pollerFault) {
    observed.push({
      code: "RAFTSCOPE_FAULT",
      severity: "warning",
      message: `Raftscope's poller failed: ${input.pollerFault}`,
    });
  }
  if (input.sameEtcdClusterAs && input.sameEtcdClusterAs.length > 0) {
    const others = input.sameEtcdClusterAs.map((id) => `"${id}"`).join(", ");
    observed.push({
      code: "DUPLICATE_ETCD_CLUSTER",
      severity: "info",
      message: `Config entries "${input.id}" and ${others} watch the same etcd cluster (ID ${snapshot.etcdClusterId}): its members are polled, and exported to Prometheus, once per entry`,
    });
  }
  if (input.eventLogProblem) {
    observed.push({
      code: "EVENTS_NOT_SAVED",
      severity: "warning",
      message: `Events are not being saved: ${input.eventLogProblem}`,
    });
  }
  if (snapshot.discoveryError && !blind) {
    observed.push({
      code: "MEMBER_UNREACHABLE",
      severity: "critical",
      message: snapshot.discoveryError,
    });
  }
  if (voterSnaps.length > 0 && voterSnaps.length % 2 === 0) {
    observed.push({
      code: "EVEN_VOTERS",
      severity: "info",
      message: `${voterSnaps.length} voters tolerate no more failures than ${voterSnaps.length - 1}; an odd count is recommended`,
    });
  }
  if (!leader && !blind && snapshot.members.length > 0) {
    observed.push({
      code: "NO_LEADER",
      severity: "critical",
      message:
        leaderSnap && !leaderStatus
          ? `The leader ${displayName(leaderSnap)} is unreachable; the voters have not elected a new one yet`
          : "No member reports a leader: writes are failing",
    });
  }
  for (const snap of voterSnaps) {
    const state = states.get(snap.member.id);
    if (state?.state !== "cut-off" || snap.probe.kind !== "reachable") continue;
    observed.push({
      code: "MEMBER_ISOLATED",
      severity: "critical",
      memberId: snap.member.id,
      message: `Member ${displayName(snap)} answers but does not follow the leader ${leader?.name} (its term ${snap.probe.status.raftTerm}): it is cut off from its peers`,
    });
  }
  if (agreement.disagreement && agreement.confirmed === false && !blind) {
    const names = agreement.disagreement.map(
      (id) => snapshot.members.find((s) => s.member.id === id)?.member.name || id,
    );
    observed.push({
      code: "LEADER_DISAGREEMENT",
      severity: "warning",
      message: `Members disagree on the leader: ${names.join(", ")}`,
    });
  }

  const names = new Map(snapshot.members.map((s) => [s.member.id, displayName(s)]));
  const peerName = (memberId: string) => names.get(memberId) ?? memberId;
  const members: MemberView[] = snapshot.members.map((snap) => {
    const r = blind ? undefined : reachableStatus(snap);
    const state = states.get(snap.member.id) as MemberStateView;
    const lag =
      r && leaderStatus && snap.member.id !== leaderSnap?.member.id
        ? Math.max(0, leaderStatus.raftAppliedIndex - r.status.raftAppliedIndex)
        : r && leaderStatus
          ? 0
          : null;
    const stale = new Set(input.stalePeerRoundTrips?.[snap.member.id] ?? []);
    if (!blind) {
      observed.push(...memberWarnings(snap, lag, input.applyLagThreshold, stale, peerName));
    }
    const ownAlarms = (r?.status.alarms ?? []).filter((a) => a.memberId === snap.member.id);
    const progress =
      r && isLearner(snap) && leaderStatus ? learnerProgress(r.status, leaderStatus) : undefined;
    if (progress?.readyToPromote) {
      observed.push({
        code: "LEARNER_READY",
        severity: "info",
        memberId: snap.member.id,
        message: `Learner ${displayName(snap)} has caught up with the leader's log and can be promoted`,
      });
    }
    return {
      id: snap.member.id,
      name: displayName(snap),
      endpoint: snap.endpoint,
      role: state.role,
      state: state.state,
      stateLabel: state.stateLabel,
      notFollowingSince:
        state.notFollowingSince !== undefined
          ? new Date(state.notFollowingSince).toISOString()
          : null,
      reachable: !!r,
      latencyMs: r ? r.latencyMs : null,
      version: r?.status.version ?? null,
      dbSizeBytes: r?.status.dbSizeBytes ?? null,
      dbSizeInUseBytes: r?.status.dbSizeInUseBytes ?? null,
      quotaBackendBytes:
        snap.metrics?.quotaBackendBytes ?? snap.statusV36?.dbSizeQuotaBytes ?? null,
      raftIndex: r?.status.raftIndex ?? null,
      raftAppliedIndex: r?.status.raftAppliedIndex ?? null,
      raftTerm: r?.status.raftTerm ?? null,
      applyLag: lag,
      alarms: ownAlarms.map((a) => a.alarm),
      peerRoundTripsSeconds: snap.metrics?.peerRoundTripP99Seconds ?? {},
      stalePeerRoundTrips: [...stale],
      selfChecks: (snap.selfChecks ?? []).map((c) => ({
        endpoint: c.endpoint,
        name: c.name,
        ok: c.ok,
        ...(c.detail ? { detail: c.detail } : {}),
        checkedAt: new Date(c.checkedAt).toISOString(),
      })),
      scrapeError: snap.scrapeError ?? null,
      storageVersion: snap.statusV36?.storageVersion ?? null,
      dbSizeQuotaBytes: snap.statusV36?.dbSizeQuotaBytes ?? null,
      downgrade: snap.statusV36?.downgrade ?? null,
      ...(progress ? { learnerProgress: progress } : {}),
      error: memberError(snap, r),
      peerUrls: snap.member.peerUrls,
      clientUrls: snap.member.clientUrls,
      ...(snap.probe.kind === "unreachable" && snap.probe.tlsProblem
        ? { tlsProblem: snap.probe.tlsProblem.kind }
        : {}),
    };
  });

  // Every member reports every alarm; report each once, on the member it was raised on.
  const alarms = new Map<string, { memberId: string; alarm: string }>();
  for (const snap of blind ? [] : snapshot.members) {
    const r = reachableStatus(snap);
    for (const a of r?.status.alarms ?? []) alarms.set(`${a.memberId}:${a.alarm}`, a);
  }
  for (const a of alarms.values()) {
    const name =
      snapshot.members.find((s) => s.member.id === a.memberId)?.member.name || a.memberId;
    observed.push({
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

  if (input.consistencyMismatch) observed.push(consistencyWarning(input.consistencyMismatch));

  const versions = new Set(members.flatMap((m) => (m.version ? [m.version] : [])));
  if (versions.size > 1) {
    const minors = new Set([...versions].map(majorMinor));
    observed.push({
      code: "VERSION_SKEW",
      severity: minors.size > 1 ? "warning" : "info",
      message: `Members run different etcd versions: ${[...versions].sort().join(", ")}`,
    });
  }
  if (
    input.leaderChangesInWindow !== undefined &&
    input.leaderChangesInWindow >= thresholds.leaderChangesWarn
  ) {
    observed.push({
      code: "FREQUENT_LEADER_CHANGES",
      severity: "warning",
      message: `${input.leaderChangesInWindow} leader changes in the last ${thresholds.leaderChangesWindowMs / 60_000} minutes`,
    });
  }

  const tls = input.tls ? tlsHealth(input.tls, snapshot.members, snapshot.observedAt) : undefined;
  if (tls) observed.push(...tls.warnings);
  const warnings = input.judge(observed, snapshot.observedAt);

  return {
    id: input.id,
    name: input.name,
    clusterId: snapshot.etcdClusterId,
    etcdClusterId: snapshot.etcdClusterId,
    observedAt: new Date(snapshot.observedAt).toISOString(),
    pollIntervalMs: input.pollIntervalMs,
    lastGoodSweepAt:
      input.lastGoodSweepAt !== undefined ? new Date(input.lastGoodSweepAt).toISOString() : null,
    status: statusOf(writable, quorum, warnings),
    writable,
    leader,
    leaderConfirmed: leader !== null && agreement.confirmed,
    raftTerm: blind ? null : agreement.term,
    blind: snapshot.blind
      ? { kind: snapshot.blind.kind, message: blindMessage(snapshot.blind) }
      : null,
    eventLogProblem: input.eventLogProblem ?? null,
    quorum,
    members,
    warnings,
    ...(tls ? { tls: tls.view } : {}),
  };
}

function memberError(snap: MemberSnapshot, r: Reachable | undefined): string | null {
  if (snap.probe.kind === "unreachable") return snap.probe.error;
  if (snap.probe.kind === "not-started") return null;
  return r?.status.errors.join("; ") || null;
}

/** The headline's words for a blind interval: the fault is Raftscope's, not the cluster's. */
export function blindMessage(blind: NonNullable<ClusterSnapshot["blind"]>): string {
  switch (blind.kind) {
    case "stalled":
      return `Raftscope cannot see the cluster: Raftscope itself was stalled for ${(blind.stalledMs / 1000).toFixed(1)} s`;
    case "overloaded":
      return `Raftscope cannot see the cluster: Raftscope itself was busy ${blind.busyPercent} % of the time, too busy to tell a slow member from its own delay`;
    case "credentials":
      return `Raftscope cannot see the cluster: ${blind.message}`;
    case "network":
      return `Raftscope cannot see the cluster: ${blind.message}`;
  }
}
