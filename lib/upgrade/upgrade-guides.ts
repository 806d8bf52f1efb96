/**
 * What etcd's upgrade guides require before moving a cluster to the next minor version.
 * Source: etcd-io/website, content/en/docs/<target>/upgrades/upgrade_<target>.md, as of
 * commit 8245979 (2026-08-20). Each guide also asks for a healthy cluster (`etcdctl endpoint
 * health`) and a snapshot backup taken first.
 */
export interface UpgradeGuide {
  /** The minor version the guide upgrades to, e.g. "3.6". */
  target: string;
  /** The minor version the running cluster must be on. */
  from: string;
  /** Every member must run this patch release of `from` or later; null when the guide sets none. */
  floor: string | null;
  /** The guide's sentence, quoted. */
  quote: string;
  url: string;
  /** What the guide asks that Raftscope cannot see from outside the members. */
  manualChecks: string[];
}

export const upgradeGuides: readonly UpgradeGuide[] = [
  {
    target: "3.5",
    from: "3.4",
    floor: null,
    quote:
      "To upgrade an existing etcd deployment to 3.5, the running cluster must be 3.4 or greater.",
    url: "https://etcd.io/docs/v3.5/upgrades/upgrade_3_5/",
    manualChecks: ["Take a snapshot backup (etcdctl snapshot save) before the first member."],
  },
  {
    target: "3.6",
    from: "3.5",
    floor: "3.5.32",
    quote:
      "Before upgrading to 3.6, make sure that all of your 3.5 members are updated to 3.5.32 or later.",
    url: "https://etcd.io/docs/v3.6/upgrades/upgrade_3_6/",
    manualChecks: [
      "--enable-v2 and ETCD_ENABLE_V2 must be unset on every member; if v2 was ever enabled, run `etcdutl check v2store` (from 3.5.32 or later) on each member first.",
      "Take a snapshot backup (etcdctl snapshot save) before the first member.",
    ],
  },
  {
    target: "3.7",
    from: "3.6",
    floor: "3.6.11",
    quote:
      "Before upgrading to 3.7, make sure that all of your 3.6 members are updated to 3.6.11 or later.",
    url: "https://etcd.io/docs/v3.7/upgrades/upgrade_3_7/",
    manualChecks: ["Take a snapshot backup (etcdctl snapshot save) before the first member."],
  },
];
