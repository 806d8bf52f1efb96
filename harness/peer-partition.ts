import { execFileSync } from "node:child_process";
import type { EtcdCluster } from "./etcd-cluster";
import { HarnessError } from "./harness-error";

/** The unprivileged user an isolatable member runs as (Debian's nobody). */
export const ISOLATED_USER = { uid: 65534, gid: 65534 };

const IPTABLES = "/usr/sbin/iptables";

function iptables(args: string[]): void {
  execFileSync(IPTABLES, ["-w", "5", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 10_000,
  });
}

function port(url: string): string {
  return new URL(url).port;
}

/**
 * Cuts one member off from its peers on the shared loopback while clients still reach it:
 * nobody may connect to its peer port, and its own process (told apart by its user id) may not
 * connect to the others' peer ports. Existing connections are reset. The rules live in a chain
 * of their own, removed by heal() and when this process exits.
 */
export class PeerPartition {
  private healed = false;

  private constructor(
    private readonly chain: string,
    readonly member: string,
  ) {}

  /** The member must run as ISOLATED_USER (EtcdCluster.restartAs) for its own traffic to match. */
  static isolate(cluster: EtcdCluster, name: string): PeerPartition {
    const target = cluster.member(name);
    const others = cluster.members.filter((m) => m.name !== name && m.state !== "removed");
    const chain = `RAFTSCOPE-${process.pid}`.slice(0, 28);
    try {
      iptables(["-N", chain]);
    } catch (err) {
      throw new HarnessError(
        "INVALID_STATE",
        `cannot create iptables chain ${chain} (root and the iptables package are needed): ${String(err)}`,
      );
    }
    const partition = new PeerPartition(chain, name);
    process.once("exit", () => partition.heal());
    iptables([
      "-A",
      chain,
      "-p",
      "tcp",
      "--dport",
      port(target.peerUrl),
      "-j",
      "REJECT",
      "--reject-with",
      "tcp-reset",
    ]);
    iptables([
      "-A",
      chain,
      "-m",
      "owner",
      "--uid-owner",
      String(ISOLATED_USER.uid),
      "-p",
      "tcp",
      "-m",
      "multiport",
      "--dports",
      others.map((m) => port(m.peerUrl)).join(","),
      "-j",
      "REJECT",
      "--reject-with",
      "tcp-reset",
    ]);
    iptables(["-I", "OUTPUT", "1", "-j", chain]);
    return partition;
  }

  heal(): void {
    if (this.healed) return;
    this.healed = true;
    for (const args of [
      ["-D", "OUTPUT", "-j", this.chain],
      ["-F", this.chain],
      ["-X", this.chain],
    ]) {
      try {
        iptables(args);
      } catch {
        // Already gone.
      }
    }
  }
}
