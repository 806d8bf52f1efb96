import type { EventType } from "@/lib/events/cluster-event";

/** The timeline's filters, as an operator groups what happened. */
export const eventCategories = ["leader", "quorum", "members", "alarms", "raftscope"] as const;
export type EventCategory = (typeof eventCategories)[number];

export const categoryLabels: Record<EventCategory, string> = {
  leader: "Leader and term",
  quorum: "Quorum",
  members: "Members",
  alarms: "Alarms",
  raftscope: "Raftscope's sight",
};

const categoryOf: Record<EventType, EventCategory> = {
  leader_changed: "leader",
  term_changed: "leader",
  quorum_lost: "quorum",
  quorum_regained: "quorum",
  member_unreachable: "members",
  member_recovered: "members",
  member_added: "members",
  member_removed: "members",
  alarm_raised: "alarms",
  alarm_cleared: "alarms",
  member_promoted: "members",
  member_isolated: "quorum",
  member_rejoined: "quorum",
  raftscope_blind: "raftscope",
  raftscope_sight_restored: "raftscope",
  consistency_mismatch: "alarms",
  consistency_agreed: "alarms",
  etcd_cluster_changed: "members",
};

export function eventCategory(type: EventType): EventCategory {
  return categoryOf[type];
}

/** Reads `?events=leader,quorum`; absent or empty means every category. */
export function parseEventFilter(value: string | null): EventCategory[] {
  const wanted = new Set((value ?? "").split(",").map((s) => s.trim()));
  const chosen = eventCategories.filter((c) => wanted.has(c));
  return chosen.length > 0 ? chosen : [...eventCategories];
}

/** The filter as a URL value; null when every category is shown. */
export function eventFilterParam(categories: readonly EventCategory[]): string | null {
  const chosen = eventCategories.filter((c) => categories.includes(c));
  return chosen.length === 0 || chosen.length === eventCategories.length ? null : chosen.join(",");
}
