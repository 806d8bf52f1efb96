import type { ClusterHealth } from "../health/cluster-health";
import {
  compareVersions,
  type EtcdVersion,
  formatVersion,
  minorOf,
  parseEtcdVersion,
} from "./etcd-version";
import { reportedV36 } from "./reported-v36";
import { type UpgradeGuide, upgradeGuides } from "./upgrade-guides";
import type { UpgradeBlocker, UpgradeMember, UpgradeReadiness } from "./upgrade-readiness";

/** Per member, from its last /metrics scrape. */
export interface UpgradeMetrics {
  clusterVersion?: string;
  featuresEnabled?: Record<string, boolean>;
}

/** etcd 3.6's feature gates for its own corruption checks (server/features/etcd_features.go). */
const CORRUPTION_FEATURES = ["InitialCorruptCheck", "CompactHashCheck"];

function agreedClusterVersion(members: UpgradeMember[]): string | null {
  const seen = new Set(members.flatMap((m) => (m.clusterVersion ? [m.clusterVersion] : [])));
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

function corruptionChecks(
  metrics: Array<UpgradeMetrics | undefined>,
): Record<string, boolean> | null {
  const reported = metrics.find((m) => m?.featuresEnabled)?.featuresEnabled;
  if (!reported) return null;
  return Object.fromEntries(CORRUPTION_FEATURES.map((f) => [f, reported[f] === true]));
}

function versionBlockers(
  members: UpgradeMember[],
  versions: Map<string, EtcdVersion>,
  guide: UpgradeGuide,
): UpgradeBlocker[] {
  const floor = parseEtcdVersion(guide.floor);
  if (!floor) return [];
  return members.flatMap((m) => {
    const v = versions.get(m.id);
    if (!v || compareVersions(v, floor) >= 0) return [];
    return [
      {
        code: "BELOW_FLOOR" as const,
        memberId: m.id,
        message: `${m.name} runs ${formatVersion(v)}; etcd's guide asks for ${guide.floor} or later before ${guide.target}`,
      },
    ];
  });
}

/**
 * Whether the cluster may move to the next minor version, by the preconditions of etcd's
 * upgrade guide for that version (lib/upgrade/upgrade-guides.ts): one minor at a time, every
 * member on the guide's patch floor, the cluster version caught up, no downgrade enabled (etcd
 * 3.6's downgradeInfo), and a healthy cluster. Unknown versions block: a member that does not answer cannot be vouched for.
 */
export function assessUpgrade(
  health: ClusterHealth,
  metrics: Record<string, UpgradeMetrics | undefined>,
): UpgradeReadiness {
  const members: UpgradeMember[] = health.members.map((m) => ({
    id: m.id,
    name: m.name,
    role: m.role,
    reachable: m.reachable,
    serverVersion: m.version,
    clusterVersion: metrics[m.id]?.clusterVersion ?? null,
    storageVersion: m.storageVersion,
    downgrade: m.downgrade,
  }));
  const v36 = reportedV36(members);
  const versions = new Map<string, EtcdVersion>();
  for (const m of members) {
    const v = parseEtcdVersion(m.serverVersion);
    if (v) versions.set(m.id, v);
  }
  const sorted = [...versions.values()].sort(compareVersions);
  const serverVersions = [...new Set(sorted.map(formatVersion))];
  const minors = new Set(sorted.map(minorOf));
  const skew = minors.size > 1 ? "minor" : serverVersions.length > 1 ? "patch" : "none";
  const clusterVersion = agreedClusterVersion(members);
  const blockers: UpgradeBlocker[] = [];

  for (const m of members) {
    if (!versions.has(m.id)) {
      blockers.push({
        code: "VERSION_UNKNOWN",
        memberId: m.id,
        message: `${m.name}'s version is unknown${m.reachable ? "" : " (it does not answer)"}`,
      });
    }
  }
  if (
    health.status === "unavailable" ||
    health.members.some((m) => !m.reachable || m.alarms.length > 0)
  ) {
    blockers.push({
      code: "UNHEALTHY",
      message:
        "etcd's guide asks for a healthy cluster first (etcdctl endpoint health): every member answering, no alarm",
    });
  }

  const oldest = sorted[0];
  const target = oldest ? `${oldest.major}.${oldest.minor + 1}` : null;
  const guide = upgradeGuides.find((g) => g.target === target) ?? null;
  if (minors.size > 1) {
    blockers.push({
      code: "MIXED_MINOR",
      message: `members run ${[...minors].join(" and ")}: finish the upgrade under way before the next one`,
    });
  } else if (oldest && clusterVersion && clusterVersion !== minorOf(oldest)) {
    blockers.push({
      code: "CLUSTER_VERSION_BEHIND",
      message: `the cluster version is still ${clusterVersion} while every member runs ${minorOf(oldest)}`,
    });
  }
  if (v36.downgrade?.enabled) {
    blockers.push({
      code: "DOWNGRADE_ENABLED",
      message: `a downgrade to ${v36.downgrade.targetVersion || "an older version"} is enabled: finish it, or end it with etcdctl downgrade cancel, before an upgrade`,
    });
  }
  if (target && !guide) {
    blockers.push({
      code: "NO_GUIDE",
      message: `Raftscope knows no etcd upgrade guide to ${target}`,
    });
  }
  if (guide) blockers.push(...versionBlockers(members, versions, guide));

  const ready = target !== null && blockers.length === 0;
  const headline = ready
    ? `ready to upgrade to ${target}`
    : target
      ? `not ready to upgrade to ${target}: ${blockers[0]?.message ?? ""}`
      : "no member's version is known";
  return {
    observedAt: health.observedAt,
    members,
    clusterVersion,
    serverVersions,
    skew,
    storageVersion: v36.storageVersion,
    downgrade: v36.downgrade,
    corruptionChecks: corruptionChecks(Object.values(metrics)),
    target,
    ready,
    headline,
    blockers,
    guide: guide
      ? { url: guide.url, quote: guide.quote, floor: guide.floor, manualChecks: guide.manualChecks }
      : null,
  };
}
