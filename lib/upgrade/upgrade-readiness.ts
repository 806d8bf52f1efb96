import { z } from "zod";
import { memberRoleSchema } from "../health/cluster-health";

/** The upgrade-readiness contract: GET /api/clusters/{id}/upgrade. */

/** etcd 3.6's DowngradeInfo: whether a cluster downgrade is enabled, and to which version. */
export const downgradeSchema = z.object({ enabled: z.boolean(), targetVersion: z.string() });

export const upgradeMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  reachable: z.boolean(),
  /** Maintenance Status version; null while the member does not answer. */
  serverVersion: z.string().nullable(),
  /** etcd_cluster_version as this member reports it. */
  clusterVersion: z.string().nullable(),
  /** etcd 3.6+ Status storageVersion: the db file's version; null when not reported. */
  storageVersion: z.string().nullable(),
  /** etcd 3.6+ Status downgradeInfo as this member reports it; null when not reported. */
  downgrade: downgradeSchema.nullable(),
});

export const upgradeBlockerSchema = z.object({
  code: z.enum([
    "VERSION_UNKNOWN",
    "BELOW_FLOOR",
    "MIXED_MINOR",
    "CLUSTER_VERSION_BEHIND",
    "UNHEALTHY",
    "NO_GUIDE",
    "DOWNGRADE_ENABLED",
  ]),
  message: z.string(),
  memberId: z.string().optional(),
});

export const upgradeReadinessSchema = z.object({
  observedAt: z.string(),
  members: z.array(upgradeMemberSchema),
  /** The cluster version the members agree on; null when unknown or they disagree. */
  clusterVersion: z.string().nullable(),
  /** Distinct server versions, oldest first. */
  serverVersions: z.array(z.string()),
  /** "none", "patch" (same minor) or "minor" (an upgrade is under way). */
  skew: z.enum(["none", "patch", "minor"]),
  /**
   * etcd 3.6+ Status storageVersion the reporting members agree on; null when no member
   * reports it (before 3.6) or they differ (each member's is in `members`).
   */
  storageVersion: z.string().nullable(),
  /**
   * etcd 3.6+ Status downgradeInfo: an enabled downgrade when any member reports one, else the
   * reported state; null when no member reports it (before 3.6).
   */
  downgrade: downgradeSchema.nullable(),
  /** etcd_server_feature_enabled for the corruption checks, where etcd exposes it (3.6+). */
  corruptionChecks: z.record(z.string(), z.boolean()).nullable(),
  /** The next minor version, e.g. "3.6"; null when it cannot be told. */
  target: z.string().nullable(),
  ready: z.boolean(),
  /** "ready to upgrade to 3.6", or what blocks it. */
  headline: z.string(),
  blockers: z.array(upgradeBlockerSchema),
  guide: z
    .object({
      url: z.string(),
      quote: z.string(),
      floor: z.string().nullable(),
      manualChecks: z.array(z.string()),
    })
    .nullable(),
});

export type Downgrade = z.infer<typeof downgradeSchema>;
export type UpgradeMember = z.infer<typeof upgradeMemberSchema>;
export type UpgradeBlocker = z.infer<typeof upgradeBlockerSchema>;
export type UpgradeReadiness = z.infer<typeof upgradeReadinessSchema>;
