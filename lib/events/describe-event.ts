import type { EventBody } from "./cluster-event";

/** One line an operator reads in the timeline. */
export function describeEvent(e: EventBody): string {
  switch (e.type) {
    case "leader_changed":
      return `Leader changed: ${e.from?.name ?? "none"} → ${e.to.name}${e.term !== null ? ` (term ${e.term})` : ""}`;
    case "term_changed":
      return `Term changed ${e.fromTerm ?? "?"} → ${e.toTerm ?? "?"}; ${e.leader.name} is still leader`;
    case "member_unreachable":
      return `Member ${e.member.name} unreachable: ${e.error}`;
    case "member_recovered":
      return `Member ${e.member.name} recovered`;
    case "quorum_lost":
      return `Quorum lost: ${e.healthyVoters} of ${e.size} needed voters reachable; writes are failing`;
    case "quorum_regained":
      return `Quorum regained: ${e.healthyVoters} voters reachable (${e.size} needed)`;
    case "alarm_raised":
      return `Alarm ${e.alarm} raised on ${e.member.name}`;
    case "alarm_cleared":
      return `Alarm ${e.alarm} cleared on ${e.member.name}`;
    case "member_added":
      return `Member ${e.member.name} added${e.isLearner ? " as a learner" : ""}`;
    case "member_removed":
      return `Member ${e.member.name} removed`;
    case "member_promoted":
      return `Learner ${e.member.name} promoted to voter`;
    case "member_isolated":
      return `Member ${e.member.name} cut off: it answers but follows no leader${e.term !== null ? ` (its term ${e.term})` : ""}`;
    case "member_rejoined":
      return `Member ${e.member.name} follows the leader again`;
    case "raftscope_blind":
      return `Raftscope cannot see the cluster: ${e.reason}; nothing is recorded about the cluster meanwhile`;
    case "raftscope_sight_restored":
      return `Raftscope sees the cluster again after ${Math.round(e.blindForMs / 1000)} s`;
    case "consistency_mismatch":
      return `Members' data differ at revision ${e.revision}: ${e.members.map((m) => `${m.name} ${m.hash ?? "—"}`).join(", ")}`;
    case "consistency_agreed":
      return `Members' data agree again at revision ${e.revision}`;
    case "etcd_cluster_changed":
      return `Now a different etcd cluster: ID ${e.toEtcdClusterId}, was ${e.fromEtcdClusterId} (built anew or restored from a snapshot); its members and leader are followed from here`;
  }
}
