import { existsSync } from "node:fs";
import path from "node:path";
import { HarnessError } from "./harness-error";

/** The etcd minor versions the harness can run. */
export const etcdVersions = ["3.4", "3.5"] as const;
export type EtcdVersion = (typeof etcdVersions)[number];

export interface EtcdBinaries {
  version: EtcdVersion;
  etcd: string;
  etcdctl: string;
  /** etcd 3.5's offline tool (snapshot restore); absent on 3.4, where etcdctl does it. */
  etcdutl?: string;
}

// Debian bookworm ships 3.4.23 in /usr/bin; scripts/ensure-deps.sh unpacks Debian sid's 3.5
// (a static Go binary) into .cache/etcd-3.5 without installing it. Relative to the repository
// root, where every script and test runs: Playwright loads this file as CommonJS, where
// import.meta breaks the whole e2e suite ("exports is not defined in ES module scope").
const CACHE_35 = path.resolve(".cache", "etcd-3.5", "usr", "bin");

/**
 * The binaries of one etcd version. Fails with SPAWN_FAILED naming the missing file and the
 * command that fetches it.
 */
export function etcdBinaries(version: EtcdVersion = defaultEtcdVersion()): EtcdBinaries {
  const found: EtcdBinaries =
    version === "3.4"
      ? { version, etcd: "/usr/bin/etcd", etcdctl: "/usr/bin/etcdctl" }
      : {
          version,
          etcd: path.join(CACHE_35, "etcd"),
          etcdctl: path.join(CACHE_35, "etcdctl"),
          etcdutl: path.join(CACHE_35, "etcdutl"),
        };
  for (const file of [found.etcd, found.etcdctl]) {
    if (!existsSync(file)) {
      throw new HarnessError(
        "SPAWN_FAILED",
        `etcd ${version} is not installed (${file} is missing): run bash scripts/ensure-deps.sh`,
      );
    }
  }
  return found;
}

/** `RAFTSCOPE_ETCD_VERSION` (3.4 or 3.5) picks the version tests run against; default 3.4. */
export function defaultEtcdVersion(): EtcdVersion {
  const wanted = process.env.RAFTSCOPE_ETCD_VERSION;
  if (wanted === undefined || wanted === "") return "3.4";
  const version = etcdVersions.find((v) => v === wanted);
  if (!version) {
    throw new HarnessError(
      "INVALID_STATE",
      `RAFTSCOPE_ETCD_VERSION must be one of ${etcdVersions.join(", ")}, not "${wanted}"`,
    );
  }
  return version;
}
