import type { ClusterEvent } from "./cluster-event";

export interface EventLogEntry {
  message: string;
  fields: { cluster: string; event: string; seq: number; member?: string; term?: number };
}

/**
 * How a cluster event reads in the server log: a short message, and the fields `cluster`,
 * `event` (its type), `seq`, and `member` (by etcd name) where one member is concerned.
 */
export function eventLogEntry(e: ClusterEvent): EventLogEntry {
  const base = { cluster: e.clusterId, event: e.type, seq: e.seq };
  switch (e.type) {
    case "leader_changed":
      return {
        message: `leader changed from ${e.from?.name ?? "none"} to ${e.to.name}`,
        fields: { ...base, member: e.to.name, ...(e.term !== null ? { term: e.term } : {}) },
      };
    case "term_changed":
      return {
        message: `raft term changed to ${e.toTerm ?? "unknown"}`,
        fields: {
          ...base,
          member: e.leader.name,
          ...(e.toTerm !== null ? { term: e.toTerm } : {}),
        },
      };
    case "quorum_lost":
    case "quorum_regained":
      return {
        message: `${e.type === "quorum_lost" ? "quorum lost" : "quorum regained"}: ${e.healthyVoters} healthy voters, quorum ${e.size}`,
        fields: base,
      };
    case "member_unreachable":
      return {
        message: `member unreachable: ${e.error}`,
        fields: { ...base, member: e.member.name },
      };
    case "alarm_raised":
    case "alarm_cleared":
      return {
        message: `alarm ${e.alarm} ${e.type === "alarm_raised" ? "raised" : "cleared"}`,
        fields: { ...base, member: e.member.name },
      };
    case "member_added":
      return {
        message: `member added${e.isLearner ? " as a learner" : ""}`,
        fields: { ...base, member: e.member.name },
      };
    case "member_recovered":
    case "member_removed":
    case "member_promoted":
    case "member_rejoined":
      return { message: e.type.replace("_", " "), fields: { ...base, member: e.member.name } };
    case "member_isolated":
      return {
        message: "member cut off: it answers but follows no leader",
        fields: { ...base, member: e.member.name, ...(e.term !== null ? { term: e.term } : {}) },
      };
    case "raftscope_blind":
      return { message: `Raftscope cannot see the cluster: ${e.reason}`, fields: base };
    case "raftscope_sight_restored":
      return {
        message: `Raftscope sees the cluster again after ${Math.round(e.blindForMs / 1000)} s`,
        fields: base,
      };
    case "consistency_mismatch":
      return {
        message: `members' data differ at revision ${e.revision}: ${e.members.map((m) => `${m.name}=${m.hash ?? "none"}`).join(" ")}`,
        fields: base,
      };
    case "consistency_agreed":
      return { message: `members' data agree again at revision ${e.revision}`, fields: base };
    case "etcd_cluster_changed":
      return {
        message: `now a different etcd cluster: ID ${e.toEtcdClusterId}, was ${e.fromEtcdClusterId} (built anew or restored from a snapshot)`,
        fields: base,
      };
  }
}
