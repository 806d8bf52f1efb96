import type { ClusterHealth } from "../health/cluster-health";
import { thresholds } from "../health/thresholds";
import type { ClusterEvent, EventBody, MemberRef } from "./cluster-event";
import { confirmFacts, type PendingFacts } from "./confirm-facts";

/**
 * What the event detector remembers between snapshots. It is persisted beside the event
 * log so a restarted dashboard neither repeats nor misses a transition.
 */
export interface EventState {
  /** Last leader seen (never reset to null: a lost leader shows as quorum or reachability events). */
  leader: (MemberRef & { term: number | null }) | null;
  /** Known members by id; null until the first member list was seen. */
  members: Record<string, string> | null;
  unreachable: string[];
  quorumLost: boolean;
  /** "memberId:ALARM". */
  alarms: string[];
  /** Learner ids, to see a promotion; absent in state saved by older versions. */
  learners?: string[];
  /** Voters recorded as cut off from their peers. */
  isolated?: string[];
  /** Since when Raftscope has been blind (epoch ms), once that was confirmed; else null. */
  blindSince?: number | null;
  /** Bad news seen but not yet confirmed (see confirm-facts.ts). */
  pending?: PendingFacts;
  /** The last verdict of a confirmed blind interval (epoch ms): the grace runs from it. */
  lastBlindAt?: number | null;
  /** The etcd cluster ID (hex) the state is about; absent until one was seen. */
  etcdClusterId?: string;
}

export const initialEventState: EventState = {
  leader: null,
  members: null,
  unreachable: [],
  quorumLost: false,
  alarms: [],
  learners: [],
  isolated: [],
  blindSince: null,
  pending: {},
};

/** How long bad news must hold, over at least two verdicts, before it is an event; ms. */
export const DEFAULT_CONFIRM_MS = thresholds.confirmMs;
/** No bad news is confirmed within this long of Raftscope's own blindness; ms. */
export const AFTER_BLIND_GRACE_MS = thresholds.afterBlindGraceMs;

const alarmKey = (memberId: string, alarm: string) => `${memberId}:${alarm}`;

/** Replays one logged event onto the state; used to catch up after a crash. */
export function applyEvent(state: EventState, e: EventBody | ClusterEvent): EventState {
  switch (e.type) {
    case "leader_changed":
      return { ...state, leader: { ...e.to, term: e.term } };
    case "term_changed":
      return { ...state, leader: { ...e.leader, term: e.toTerm } };
    case "member_unreachable":
      return { ...state, unreachable: [...new Set([...state.unreachable, e.member.id])] };
    case "member_recovered":
      return { ...state, unreachable: state.unreachable.filter((id) => id !== e.member.id) };
    case "quorum_lost":
      return { ...state, quorumLost: true };
    case "quorum_regained":
      return { ...state, quorumLost: false };
    case "alarm_raised":
      return { ...state, alarms: [...new Set([...state.alarms, alarmKey(e.member.id, e.alarm)])] };
    case "alarm_cleared":
      return { ...state, alarms: state.alarms.filter((a) => a !== alarmKey(e.member.id, e.alarm)) };
    case "member_added":
      return { ...state, members: { ...state.members, [e.member.id]: e.member.name } };
    case "consistency_mismatch":
    case "consistency_agreed":
      return state;
    case "etcd_cluster_changed":
      return { ...initialEventState, etcdClusterId: e.toEtcdClusterId };
    case "member_removed": {
      const members = { ...state.members };
      delete members[e.member.id];
      return {
        ...state,
        members,
        unreachable: state.unreachable.filter((id) => id !== e.member.id),
        alarms: state.alarms.filter((a) => !a.startsWith(`${e.member.id}:`)),
        learners: (state.learners ?? []).filter((id) => id !== e.member.id),
        isolated: (state.isolated ?? []).filter((id) => id !== e.member.id),
      };
    }
    case "member_promoted":
      return { ...state, learners: (state.learners ?? []).filter((id) => id !== e.member.id) };
    case "member_isolated":
      return { ...state, isolated: [...new Set([...(state.isolated ?? []), e.member.id])] };
    case "member_rejoined":
      return { ...state, isolated: (state.isolated ?? []).filter((id) => id !== e.member.id) };
    case "raftscope_blind":
      return { ...state, blindSince: "at" in e ? Date.parse(e.at) : null };
    case "raftscope_sight_restored":
      return { ...state, blindSince: null };
  }
}

/**
 * Compares a new health verdict with what was recorded before and names each confirmed
 * transition. Pure: returns the events and the next state.
 *
 * - A leader change is recorded only once a majority of voters follow the new leader
 *   (`leaderConfirmed`), with the leader's own term: one event per election.
 * - A member down, a member cut off and quorum lost are recorded once confirmed (see
 *   confirm-facts.ts); recovery is recorded at once.
 * - While Raftscope is blind nothing about the cluster is recorded: one `raftscope_blind` when
 *   that is confirmed, one `raftscope_sight_restored` when it ends.
 */
export function detectEvents(
  previous: EventState,
  health: ClusterHealth,
  options: { confirmMs?: number } = {},
): { events: EventBody[]; state: EventState } {
  const now = Date.parse(health.observedAt);
  // Another etcd cluster behind the same endpoints: nothing of the old one carries over.
  const seenId = health.etcdClusterId || previous.etcdClusterId;
  const replaced =
    previous.etcdClusterId !== undefined &&
    seenId !== undefined &&
    seenId !== previous.etcdClusterId;
  const state: EventState = replaced
    ? { ...initialEventState, etcdClusterId: seenId }
    : { ...previous, ...(seenId ? { etcdClusterId: seenId } : {}) };
  const confirmMs = options.confirmMs ?? DEFAULT_CONFIRM_MS;
  const events: EventBody[] = [];
  if (replaced && previous.etcdClusterId && seenId) {
    events.push({
      type: "etcd_cluster_changed",
      fromEtcdClusterId: previous.etcdClusterId,
      toEtcdClusterId: seenId,
    });
  }
  const ref = (id: string): MemberRef => ({
    id,
    name: health.members.find((m) => m.id === id)?.name ?? state.members?.[id] ?? id,
  });

  if (health.blind) {
    const { confirmed, pending } = confirmFacts(
      { blind: state.pending?.blind ?? { since: now, verdicts: 0 } },
      ["blind"],
      now,
      confirmMs,
    );
    const blindFrom = pending.blind?.since ?? now;
    let blindSince = state.blindSince ?? null;
    if (blindSince === null && confirmed.has("blind")) {
      events.push({ type: "raftscope_blind", reason: health.blind.message });
      blindSince = blindFrom;
    }
    // Nothing seen before the blind interval may combine with what is seen after it.
    // A confirmed blind interval (not a one-verdict blip) starts the grace after it.
    const lastBlindAt = blindSince !== null ? now : (state.lastBlindAt ?? null);
    return { events, state: { ...state, blindSince, pending, lastBlindAt } };
  }
  if (state.blindSince !== undefined && state.blindSince !== null) {
    events.push({
      type: "raftscope_sight_restored",
      blindForMs: Math.max(0, now - state.blindSince),
    });
  }

  const holding: string[] = [];
  for (const m of health.members) {
    if (m.state === "unreachable") holding.push(`down:${m.id}`);
    if (m.state === "cut-off") holding.push(`cut-off:${m.id}`);
  }
  const quorumKnown = health.quorum.voters > 0 && health.quorum.margin !== null;
  if (quorumKnown && (health.quorum.margin ?? 0) < 0) holding.push("quorum-lost");
  const { blind: _blind, ...clusterPending } = state.pending ?? {};
  const facts = confirmFacts(clusterPending, holding, now, confirmMs);
  const pending = facts.pending;
  // Just out of its own blindness, Raftscope's missed deadlines are still its own.
  const lastBlindAt = state.lastBlindAt ?? null;
  const graceOver = lastBlindAt === null || now - lastBlindAt >= AFTER_BLIND_GRACE_MS;
  const confirmed = graceOver ? facts.confirmed : new Set<string>();

  const members = detectMembership(state, health, ref, events);
  const leader = detectLeader(state, health, events);

  // Reachability: a confirmed outage is recorded once; recovery at once.
  const wasDown = new Set(state.unreachable);
  const unreachable: string[] = [];
  for (const m of health.members) {
    if (wasDown.has(m.id) && m.state !== "unreachable") {
      events.push({ type: "member_recovered", member: ref(m.id) });
    } else if (wasDown.has(m.id) || confirmed.has(`down:${m.id}`)) {
      if (!wasDown.has(m.id)) {
        events.push({
          type: "member_unreachable",
          member: ref(m.id),
          error: m.error ?? "unreachable",
        });
      }
      unreachable.push(m.id);
    }
  }

  // Isolation: recorded once confirmed; it ends when the member follows a leader again.
  const wasIsolated = new Set(state.isolated ?? []);
  const isolated: string[] = [];
  for (const m of health.members) {
    if (wasIsolated.has(m.id)) {
      if (m.state === "following" || m.state === "leading") {
        events.push({ type: "member_rejoined", member: ref(m.id) });
      } else {
        isolated.push(m.id);
      }
    } else if (confirmed.has(`cut-off:${m.id}`)) {
      events.push({ type: "member_isolated", member: ref(m.id), term: m.raftTerm });
      isolated.push(m.id);
    }
  }

  let quorumLost = state.quorumLost;
  if (quorumKnown) {
    const lost = (health.quorum.margin ?? 0) < 0;
    if (!quorumLost && confirmed.has("quorum-lost")) {
      events.push({
        type: "quorum_lost",
        healthyVoters: health.quorum.healthyVoters ?? 0,
        size: health.quorum.size,
      });
      quorumLost = true;
    } else if (quorumLost && !lost) {
      events.push({
        type: "quorum_regained",
        healthyVoters: health.quorum.healthyVoters ?? 0,
        size: health.quorum.size,
      });
      quorumLost = false;
    }
  }

  const alarms = detectAlarms(state, health, ref, events);
  return {
    events,
    state: {
      leader,
      members: members.members,
      learners: members.learners,
      unreachable,
      isolated,
      quorumLost,
      alarms,
      blindSince: null,
      pending,
      ...(graceOver ? {} : { lastBlindAt }),
      ...(state.etcdClusterId ? { etcdClusterId: state.etcdClusterId } : {}),
    },
  };
}

/** Membership from MemberList: the first list only seeds what is known. */
function detectMembership(
  state: EventState,
  health: ClusterHealth,
  ref: (id: string) => MemberRef,
  events: EventBody[],
): { members: EventState["members"]; learners: string[] } {
  if (health.members.length === 0) {
    return { members: state.members, learners: state.learners ?? [] };
  }
  const current = Object.fromEntries(health.members.map((m) => [m.id, m.name]));
  const learners = health.members.filter((m) => m.role === "learner").map((m) => m.id);
  const known = state.members;
  if (known) {
    const wasLearner = new Set(state.learners ?? []);
    for (const m of health.members) {
      if (!(m.id in known)) {
        events.push({ type: "member_added", member: ref(m.id), isLearner: m.role === "learner" });
      } else if (wasLearner.has(m.id) && m.role !== "learner") {
        events.push({ type: "member_promoted", member: ref(m.id) });
      }
    }
    for (const [id, name] of Object.entries(known)) {
      if (!(id in current)) events.push({ type: "member_removed", member: { id, name } });
    }
  }
  return { members: current, learners };
}

/**
 * Leader and term from confirmed verdicts only: the first leader is adopted silently, then each
 * change is one `leader_changed`; `term_changed` only when the same leader is elected again.
 */
function detectLeader(
  state: EventState,
  health: ClusterHealth,
  events: EventBody[],
): EventState["leader"] {
  const leader = state.leader;
  if (!health.leader || !health.leaderConfirmed) return leader;
  if (!leader) return { ...health.leader, term: health.raftTerm };
  if (leader.id !== health.leader.id) {
    events.push({
      type: "leader_changed",
      from: { id: leader.id, name: leader.name },
      to: health.leader,
      term: health.raftTerm,
    });
    return { ...health.leader, term: health.raftTerm };
  }
  if (health.raftTerm !== null && leader.term !== null && health.raftTerm > leader.term) {
    events.push({
      type: "term_changed",
      leader: health.leader,
      fromTerm: leader.term,
      toTerm: health.raftTerm,
    });
    return { ...health.leader, term: health.raftTerm };
  }
  return leader;
}

/** Alarms come from Status answers; with no member reachable nothing is known about them. */
function detectAlarms(
  state: EventState,
  health: ClusterHealth,
  ref: (id: string) => MemberRef,
  events: EventBody[],
): string[] {
  if (!health.members.some((m) => m.reachable)) return state.alarms;
  const now = health.members.flatMap((m) => m.alarms.map((a) => alarmKey(m.id, a)));
  const before = new Set(state.alarms);
  const after = new Set(now);
  for (const key of after) {
    if (!before.has(key)) {
      const [id = "", alarm = ""] = key.split(":");
      events.push({ type: "alarm_raised", member: ref(id), alarm });
    }
  }
  for (const key of before) {
    if (!after.has(key)) {
      const [id = "", alarm = ""] = key.split(":");
      events.push({ type: "alarm_cleared", member: ref(id), alarm });
    }
  }
  return [...after];
}
