import type { Downgrade, UpgradeMember } from "./upgrade-readiness";

/**
 * The cluster's storage version and downgrade state from the members that report them (etcd
 * 3.6+ Maintenance Status: storageVersion, downgradeInfo). Storage version: the one value every
 * reporting member gives, else null. Downgrade: an enabled one when any member reports it (the
 * state is cluster-wide; a member that lags reports the old state), else the reported state.
 * Both null when no member reports them, which is every member before 3.6.
 */
export function reportedV36(members: readonly UpgradeMember[]): {
  storageVersion: string | null;
  downgrade: Downgrade | null;
} {
  const storage = new Set(members.flatMap((m) => (m.storageVersion ? [m.storageVersion] : [])));
  const reported = members.flatMap((m) => (m.downgrade ? [m.downgrade] : []));
  return {
    storageVersion: storage.size === 1 ? ([...storage][0] ?? null) : null,
    downgrade: reported.find((d) => d.enabled) ?? reported[0] ?? null,
  };
}
