import type { ClusterHealth } from "../health/cluster-health";
import type { ClusterEvent, EventBody, MemberRef } from "./cluster-event";

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
}

export const initialEventState: EventState = {
  leader: null,
  members: null,
  unreachable: [],
  quorumLost: false,
  alarms: [],
};

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
      return state;
    case "member_removed": {
      const members = { ...state.members };
      delete members[e.member.id];
      return {
        ...state,
        members,
        unreachable: state.unreachable.filter((id) => id !== e.member.id),
        alarms: state.alarms.filter((a) => !a.startsWith(`${e.member.id}:`)),
      };
    }
  }
}

/**
 * Compares a new health verdict with what was seen before and names each transition.
 * Pure: returns the events and the next state.
 */
export function detectEvents(
  state: EventState,
  health: ClusterHealth,
): { events: EventBody[]; state: EventState } {
  const events: EventBody[] = [];
  const ref = (id: string): MemberRef => ({
    id,
    name: health.members.find((m) => m.id === id)?.name ?? state.members?.[id] ?? id,
  });
  const anyReachable = health.members.some((m) => m.reachable);

  // Membership: the first member list only seeds what is known.
  const current = Object.fromEntries(health.members.map((m) => [m.id, m.name]));
  let members = state.members;
  if (health.members.length > 0) {
    if (members) {
      for (const m of health.members) {
        if (!(m.id in members)) {
          events.push({ type: "member_added", member: ref(m.id), isLearner: m.role === "learner" });
        }
      }
      for (const [id, name] of Object.entries(members)) {
        if (!(id in current)) events.push({ type: "member_removed", member: { id, name } });
      }
    }
    members = current;
  }

  // Leader and term: adopt the first leader silently, then report every change.
  let leader = state.leader;
  if (health.leader) {
    if (!leader) {
      leader = { ...health.leader, term: health.raftTerm };
    } else if (leader.id !== health.leader.id) {
      events.push({
        type: "leader_changed",
        from: { id: leader.id, name: leader.name },
        to: health.leader,
        term: health.raftTerm,
      });
      leader = { ...health.leader, term: health.raftTerm };
    } else if (health.raftTerm !== null && leader.term !== null && health.raftTerm > leader.term) {
      events.push({
        type: "term_changed",
        leader: health.leader,
        fromTerm: leader.term,
        toTerm: health.raftTerm,
      });
      leader = { ...health.leader, term: health.raftTerm };
    }
  }

  // Reachability.
  const wasDown = new Set(state.unreachable);
  const unreachable: string[] = [];
  for (const m of health.members) {
    if (!m.reachable) {
      unreachable.push(m.id);
      if (!wasDown.has(m.id)) {
        events.push({
          type: "member_unreachable",
          member: ref(m.id),
          error: m.error ?? "unreachable",
        });
      }
    } else if (wasDown.has(m.id)) {
      events.push({ type: "member_recovered", member: ref(m.id) });
    }
  }

  // Quorum; meaningless before any member is known.
  let quorumLost = state.quorumLost;
  if (health.quorum.voters > 0) {
    const lost = health.quorum.margin < 0;
    if (lost !== quorumLost) {
      events.push({
        type: lost ? "quorum_lost" : "quorum_regained",
        healthyVoters: health.quorum.healthyVoters,
        size: health.quorum.size,
      });
      quorumLost = lost;
    }
  }

  // Alarms come from Status answers; with no member reachable nothing is known about them.
  let alarms = state.alarms;
  if (anyReachable) {
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
    alarms = [...after];
  }

  return { events, state: { leader, members, unreachable, quorumLost, alarms } };
}
