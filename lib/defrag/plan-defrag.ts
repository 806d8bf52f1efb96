import { formatBytes } from "../format/format-bytes";
import type { ClusterHealth, MemberView } from "../health/cluster-health";
import type {
  DefragAdvice,
  DefragMember,
  DefragSkip,
  DefragStep,
  DefragWarning,
  LastDefrag,
} from "./defrag-advice";
import { defragCommand } from "./defrag-command";
import { lastDefrag } from "./last-defrag";

/** Per member, from its last /metrics scrape; absent fields were not exposed. */
export interface DefragMetrics {
  defragInflight?: boolean;
  defragCount?: number;
  defragSumSeconds?: number;
}

const ROLE_ORDER = { learner: 0, voter: 1, follower: 1, leader: 2 } as const;

/**
 * A member is worth pausing when it can give back this share of its database, or this many
 * bytes whatever the share (a large database near its quota). Below both, a defragmentation
 * blocks the member for nothing. The byte figure is etcd-defrag's example rule
 * (`dbSize - dbSizeInUse > 200*1024*1024`, github.com/ahrtr/etcd-defrag).
 */
export const WORTH_DEFRAG_PERCENT = 10;
export const WORTH_DEFRAG_BYTES = 200 * 1024 * 1024;

function worthDefragmenting(m: DefragMember): boolean {
  if (m.reclaimableBytes === null || m.fragmentationPercent === null) return true;
  return m.fragmentationPercent >= WORTH_DEFRAG_PERCENT || m.reclaimableBytes >= WORTH_DEFRAG_BYTES;
}

function describeMember(m: MemberView, metrics: DefragMetrics | undefined): DefragMember {
  const size = m.dbSizeBytes;
  const inUse = m.dbSizeInUseBytes;
  const reclaimable = size !== null && inUse !== null ? Math.max(0, size - inUse) : null;
  const state = metrics?.defragInflight ? "defragmenting" : m.reachable ? "up" : "down";
  return {
    id: m.id,
    name: m.name,
    role: m.role,
    state,
    dbSizeBytes: size,
    dbSizeInUseBytes: inUse,
    reclaimableBytes: reclaimable,
    fragmentationPercent:
      reclaimable !== null && size !== null && size > 0 ? (reclaimable / size) * 100 : null,
    lastDefrag: lastDefrag(metrics?.defragCount, metrics?.defragSumSeconds),
  };
}

function lastSeconds(last: LastDefrag): number | undefined {
  return last.kind === "exact" || last.kind === "mean" ? last.seconds : undefined;
}

function stepSummary(name: string, left: number, voters: number, canLose: number): string {
  const tail = canLose < 0 ? "writes stop meanwhile" : `can lose ${canLose} more meanwhile`;
  return `defragmenting ${name} leaves ${left} of ${voters} voters; ${tail}`;
}

/**
 * Defragmentation advice from the verdict and each member's defragmentation series. A
 * defragmentation blocks the member's reads and writes while it rewrites the database (etcd
 * maintenance guide), so the plan takes one member at a time: learners, then followers, the
 * leader last, since pausing the leader forces an election. Each step counts the voters left
 * healthy while that member is paused; a member already defragmenting counts as paused.
 * Unreachable members get no step, nor do members with too little to give back (under
 * WORTH_DEFRAG_PERCENT of their database and under WORTH_DEFRAG_BYTES). Pure: it advises and
 * never acts.
 */
export function planDefrag(
  health: ClusterHealth,
  metrics: Record<string, DefragMetrics | undefined>,
): DefragAdvice {
  const members = health.members.map((m) => describeMember(m, metrics[m.id]));
  const warnings: DefragWarning[] = [];
  const busyVoters = members.filter(
    (m) => m.state === "defragmenting" && m.role !== "learner",
  ).length;
  for (const m of members) {
    if (m.state === "defragmenting") {
      warnings.push({
        code: "ALREADY_DEFRAGMENTING",
        memberId: m.id,
        message: `${m.name} is defragmenting now; wait for it to finish before the next step`,
      });
    } else if (m.state === "down") {
      warnings.push({
        code: "MEMBER_DOWN",
        memberId: m.id,
        message: `${m.name} is unreachable: it gets no step, and every step has one voter less to spare`,
      });
    }
  }

  const voters = health.quorum.voters;
  // A member whose defragmentation is in flight may still answer Status, so the verdict can
  // count it healthy; it is paused all the same.
  const healthyNow = Math.max(0, (health.quorum.healthyVoters ?? 0) - busyVoters);
  const byId = new Map(health.members.map((m) => [m.id, m]));
  const up = members.filter((m) => m.state === "up");
  const skipped: DefragSkip[] = up
    .filter((m) => !worthDefragmenting(m))
    .map((m) => ({
      memberId: m.id,
      name: m.name,
      message: `${m.name} has ${formatBytes(m.reclaimableBytes ?? 0)} to give back (${(m.fragmentationPercent ?? 0).toFixed(1)} % of its database): no step`,
    }));
  const candidates = up
    .filter(worthDefragmenting)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));

  const plan: DefragStep[] = candidates.map((m) => {
    const view = byId.get(m.id);
    const endpoint = view?.clientUrls[0] ?? view?.endpoint ?? "";
    const left = m.role === "learner" ? healthyNow : healthyNow - 1;
    const canLose = left - health.quorum.size;
    if (canLose < 0) {
      warnings.push({
        code: "STOPS_WRITES",
        memberId: m.id,
        message: `defragmenting ${m.name} now would leave ${left} of ${voters} voters, below the quorum of ${health.quorum.size}: writes would stop`,
      });
    } else if (canLose === 0 && m.role !== "learner") {
      warnings.push({
        code: "NO_MARGIN",
        memberId: m.id,
        message: `while ${m.name} defragments, one more failure stops writes`,
      });
    }
    return {
      memberId: m.id,
      name: m.name,
      role: m.role,
      votersLeft: left,
      voters,
      canLoseMeanwhile: canLose,
      summary: stepSummary(m.name, left, voters, canLose),
      command: defragCommand(endpoint, lastSeconds(m.lastDefrag)),
    };
  });

  return {
    observedAt: health.observedAt,
    members,
    totalReclaimableBytes: members.reduce((sum, m) => sum + (m.reclaimableBytes ?? 0), 0),
    plan,
    skipped,
    warnings,
  };
}
