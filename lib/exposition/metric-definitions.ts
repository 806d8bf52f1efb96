/**
 * The series Raftscope exports at GET /metrics. Names and labels are a public contract: Prometheus
 * rules and dashboards are written against them (deploy/prometheus/raftscope-rules.yaml), so a
 * name is never changed, only added. Naming follows Prometheus' conventions (base units, `_total`
 * for counters, `_seconds` for durations).
 */
export const verdictMetrics = {
  clusterInfo: {
    name: "raftscope_cluster_info",
    help: "Always 1: the cluster's display name and etcd cluster id (hex) as labels.",
    labelNames: ["cluster", "name", "etcd_cluster_id"],
  },
  clusterKnown: {
    name: "raftscope_cluster_known",
    help: "1 when Raftscope holds a verdict on the cluster; 0 when it cannot tell, and then the verdict series below are absent rather than 0.",
    labelNames: ["cluster"],
  },
  clusterStatus: {
    name: "raftscope_cluster_status",
    help: "Raftscope's verdict: one series per state, 1 for the current one.",
    labelNames: ["cluster", "state"],
  },
  clusterWritable: {
    name: "raftscope_cluster_writable",
    help: "1 when a reachable leader exists and quorum holds, so writes work.",
    labelNames: ["cluster"],
  },
  clusterVoters: {
    name: "raftscope_cluster_voters",
    help: "Voting members in the member list (learners excluded).",
    labelNames: ["cluster"],
  },
  clusterLearners: {
    name: "raftscope_cluster_learners",
    help: "Learner members in the member list.",
    labelNames: ["cluster"],
  },
  clusterQuorumSize: {
    name: "raftscope_cluster_quorum_size",
    help: "Voters needed for quorum: floor(voters/2)+1.",
    labelNames: ["cluster"],
  },
  clusterHealthyVoters: {
    name: "raftscope_cluster_healthy_voters",
    help: "Voters that answered and are not isolated.",
    labelNames: ["cluster"],
  },
  clusterRemainingFailures: {
    name: "raftscope_cluster_remaining_failures",
    help: "How many more voters the cluster can lose before writes stop: max(0, healthy voters - quorum size).",
    labelNames: ["cluster"],
  },
  clusterRaftTerm: {
    name: "raftscope_cluster_raft_term",
    help: "The leader's raft term.",
    labelNames: ["cluster"],
  },
  clusterLeaderChanges: {
    name: "raftscope_cluster_leader_changes_total",
    help: "Leader changes Raftscope observed since it started.",
    labelNames: ["cluster"],
  },
  clusterLastGoodSweepAge: {
    name: "raftscope_cluster_last_good_sweep_age_seconds",
    help: "Seconds since a member last answered Raftscope's poll; absent until one ever has.",
    labelNames: ["cluster"],
  },
  memberUp: {
    name: "raftscope_member_up",
    help: "1 when the member answered Maintenance Status within the deadline.",
    labelNames: ["cluster", "member", "member_id"],
  },
  memberRole: {
    name: "raftscope_member_role",
    help: "The member's role: one series per role, 1 for the current one.",
    labelNames: ["cluster", "member", "member_id", "role"],
  },
  memberLatency: {
    name: "raftscope_member_latency_seconds",
    help: "Round trip of the member's last Maintenance Status call; absent while it does not answer.",
    labelNames: ["cluster", "member", "member_id"],
  },
  memberApplyLag: {
    name: "raftscope_member_apply_lag",
    help: "Raft entries the member has applied behind the leader's applied index; absent when either is unknown.",
    labelNames: ["cluster", "member", "member_id"],
  },
} as const;

export type VerdictMetricKey = keyof typeof verdictMetrics;
