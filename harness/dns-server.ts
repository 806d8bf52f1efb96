import { type ChildProcess, spawn } from "node:child_process";
import { Resolver } from "node:dns/promises";
import { HarnessError } from "./harness-error";
import { freeLoopbackPorts } from "./loopback-ports";
import { scrubbedEnv } from "./scrubbed-env";

export const DNSMASQ_BIN = "/usr/sbin/dnsmasq";

export interface DnsRecords {
  /** SRV records: the SRV name, its target, port, priority and weight. */
  srv?: Array<{ name: string; target: string; port: number; priority?: number; weight?: number }>;
  /** A records: a name and its IPv4 address. */
  a?: Array<{ name: string; address: string }>;
}

export interface DnsServer {
  /** `127.0.0.1:port`, the value for RAFTSCOPE_DNS_SERVERS. */
  address: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Debian's dnsmasq on a free loopback port, answering only `records` (no upstream, no
 * /etc/hosts), in the foreground so stop() and a crashed test both end it. Resolves once it
 * answers a query; throws SPAWN_FAILED or TIMEOUT with dnsmasq's own words otherwise.
 */
export async function startDnsServer(records: DnsRecords): Promise<DnsServer> {
  const [port] = await freeLoopbackPorts(1);
  if (port === undefined) throw new HarnessError("SPAWN_FAILED", "no free loopback port");
  const args = [
    "--keep-in-foreground",
    "--conf-file=/dev/null",
    "--no-resolv",
    "--no-hosts",
    "--no-negcache",
    "--listen-address=127.0.0.1",
    "--bind-interfaces",
    `--port=${port}`,
    "--pid-file=",
    "--log-facility=-",
    ...(records.srv ?? []).map(
      (r) => `--srv-host=${r.name},${r.target},${r.port},${r.priority ?? 0},${r.weight ?? 0}`,
    ),
    ...(records.a ?? []).map((r) => `--host-record=${r.name},${r.address}`),
  ];
  let stderr = "";
  const child: ChildProcess = spawn(DNSMASQ_BIN, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: scrubbedEnv(),
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener("exit", reap);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  const resolver = new Resolver({ timeout: 500, tries: 1 });
  resolver.setServers([address]);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      throw new HarnessError("SPAWN_FAILED", `dnsmasq exited: ${stderr.trim()}`);
    }
    try {
      await resolver.resolve4("ready.invalid");
      return { address, stop };
    } catch (err) {
      // Any DNS answer, NXDOMAIN and REFUSED included, means dnsmasq is serving.
      const code = (err as { code?: string }).code;
      if (code && !["ECONNREFUSED", "ETIMEOUT", "ECANCELLED"].includes(code)) {
        return { address, stop };
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new HarnessError(
        "TIMEOUT",
        `dnsmasq did not answer on ${address} within ${READY_TIMEOUT_MS} ms: ${stderr.trim()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
