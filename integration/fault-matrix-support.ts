import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { writeDashboardConfig } from "../harness/dashboard-config";
import { type DashboardServer, startDashboard } from "../harness/dashboard-server";
import type { EtcdCluster } from "../harness/etcd-cluster";
import type { TlsFiles } from "../harness/etcdctl";
import type { ClusterEvent } from "../lib/events/cluster-event";
import { type ClusterHealth, clusterHealthSchema } from "../lib/health/cluster-health";

/** What the cluster really is, from the harness's own view of its processes. */
export interface Truth {
  members: string[];
  leader: string | undefined;
  reachable: string[];
  voters: number;
  margin: number;
  writable: boolean;
}

export async function groundTruth(
  cluster: EtcdCluster,
  opts: { nospace?: boolean } = {},
): Promise<Truth> {
  const running = cluster.members.filter((m) => m.state === "running");
  const voters = cluster.members.filter((m) => !m.isLearner);
  const runningVoters = running.filter((m) => !m.isLearner).length;
  const size = Math.floor(voters.length / 2) + 1;
  const leader = await cluster.leader();
  const margin = runningVoters - size;
  return {
    members: cluster.members.map((m) => m.name).sort(),
    leader,
    reachable: running.map((m) => m.name).sort(),
    voters: voters.length,
    margin,
    writable: leader !== undefined && margin >= 0 && !opts.nospace,
  };
}

export function mismatch(h: ClusterHealth, t: Truth): string | undefined {
  const names = h.members.map((m) => m.name).sort();
  if (JSON.stringify(names) !== JSON.stringify(t.members)) return `members ${names} ≠ ${t.members}`;
  const reachable = h.members
    .filter((m) => m.reachable)
    .map((m) => m.name)
    .sort();
  if (JSON.stringify(reachable) !== JSON.stringify(t.reachable)) {
    return `reachable ${reachable} ≠ ${t.reachable}`;
  }
  if ((h.leader?.name ?? undefined) !== t.leader) return `leader ${h.leader?.name} ≠ ${t.leader}`;
  if (h.quorum.voters !== t.voters) return `voters ${h.quorum.voters} ≠ ${t.voters}`;
  if (h.quorum.margin !== t.margin) return `margin ${h.quorum.margin} ≠ ${t.margin}`;
  if (h.writable !== t.writable) return `writable ${h.writable} ≠ ${t.writable}`;
  const expectedStatus = !t.writable ? "unavailable" : t.margin === 0 ? "critical" : undefined;
  if (expectedStatus && h.status !== expectedStatus)
    return `status ${h.status} ≠ ${expectedStatus}`;
  return undefined;
}

/**
 * Raftscope's dashboard against one cluster, with a sampler that keeps asking the health API
 * so every fault is also a test that the API keeps answering (how fast is bench/health.ts).
 */
export class DashboardUnderTest {
  /** Requests of the sampler that failed; the API must keep answering through every fault. */
  failures: string[] = [];
  private sampling = false;
  private sampler: Promise<void> | undefined;

  private constructor(
    public server: DashboardServer,
    readonly dir: string,
    readonly clusterId: string,
  ) {}

  static async start(
    cluster: EtcdCluster,
    clusterId = "demo",
    opts: { tls?: TlsFiles } = {},
  ): Promise<DashboardUnderTest> {
    const dir = mkdtempSync(path.join(tmpdir(), "raftscope-faults-"));
    mkdirSync(path.join(dir, "data"));
    // An operator watches every fault with the cluster's page open: /metrics every 2 s, so a
    // peer round trip measured across a restart is replaced as soon as the page would show it.
    writeDashboardConfig(path.join(dir, "raftscope.yaml"), cluster, { ...opts, watched: true });
    const server = await DashboardUnderTest.launch(dir);
    return new DashboardUnderTest(server, dir, clusterId);
  }

  private static launch(dir: string): Promise<DashboardServer> {
    return startDashboard({
      configPath: path.join(dir, "raftscope.yaml"),
      dataDir: path.join(dir, "data"),
      logFile: path.join(dir, "server.log"),
    });
  }

  /** Restarts the server process on the same data directory. */
  async restart(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    await this.stopSampling();
    await this.server.stop(signal);
    this.server = await DashboardUnderTest.launch(this.dir);
  }

  get url(): string {
    return this.server.url;
  }

  async health(): Promise<ClusterHealth> {
    const res = await fetch(`${this.url}/api/clusters/${this.clusterId}/health`, {
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status).toBe(200);
    return clusterHealthSchema.parse(await res.json());
  }

  async events(): Promise<ClusterEvent[]> {
    const res = await fetch(`${this.url}/api/clusters/${this.clusterId}/events?limit=1000`);
    return (await res.json()) as ClusterEvent[];
  }

  startSampling(): void {
    this.failures = [];
    this.sampling = true;
    this.sampler = (async () => {
      while (this.sampling) {
        try {
          const res = await fetch(`${this.url}/api/clusters/${this.clusterId}/health`, {
            signal: AbortSignal.timeout(5_000),
          });
          await res.arrayBuffer();
          if (!res.ok) this.failures.push(`HTTP ${res.status}`);
        } catch (err) {
          this.failures.push(String(err));
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
  }

  /** Stops sampling; `failures` then holds every request that got no 200 within 5 s. */
  async stopSampling(): Promise<void> {
    this.sampling = false;
    await this.sampler;
  }

  /** Resident memory of the server process, in MiB. */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.server.process.pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  }

  alive(): boolean {
    return this.server.process.exitCode === null && this.server.process.signalCode === null;
  }
}

/**
 * Waits until the API's verdict matches the harness's ground truth, and fails if that takes
 * longer than `withinMs` once the truth has settled.
 */
export async function expectVerdict(
  dash: DashboardUnderTest,
  cluster: EtcdCluster,
  opts: { withinMs?: number; nospace?: boolean } = {},
): Promise<ClusterHealth> {
  const truth = await groundTruth(cluster, opts);
  const deadline = Date.now() + (opts.withinMs ?? 2_000);
  let last: ClusterHealth | undefined;
  let why: string | undefined;
  while (Date.now() < deadline) {
    last = await dash.health();
    why = mismatch(last, truth);
    if (!why) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `verdict did not match the ground truth within ${opts.withinMs ?? 2_000} ms: ${why}\ntruth: ${JSON.stringify(truth)}\nverdict: ${JSON.stringify({ leader: last?.leader, status: last?.status, writable: last?.writable, quorum: last?.quorum, members: last?.members.map((m) => [m.name, m.reachable, m.role]) })}`,
  );
}

/** Events must be numbered 1..n with no gaps and no repeats. */
export function expectContinuous(events: ClusterEvent[]): void {
  const seqs = events.map((e) => e.seq).sort((a, b) => a - b);
  expect(new Set(seqs).size).toBe(seqs.length);
  seqs.forEach((s, i) => {
    expect(s).toBe(i + 1);
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the health API until `check` passes, and returns that verdict; fails with the last. */
export async function healthUntil(
  dash: DashboardUnderTest,
  check: (h: ClusterHealth) => boolean,
  timeoutMs = 20_000,
): Promise<ClusterHealth> {
  const deadline = Date.now() + timeoutMs;
  let h = await dash.health();
  while (!check(h) && Date.now() < deadline) {
    await pause(100);
    h = await dash.health();
  }
  if (!check(h))
    throw new Error(`verdict not reached within ${timeoutMs} ms: ${JSON.stringify(h)}`);
  return h;
}

/**
 * Polls the event log (newest first) until `check` passes or `timeoutMs` ends, and returns it:
 * bad news is an event only once confirmed, a second or more after the verdict shows it.
 */
export async function eventsUntil(
  dash: DashboardUnderTest,
  check: (events: ClusterEvent[]) => boolean,
  timeoutMs = 5_000,
): Promise<ClusterEvent[]> {
  const deadline = Date.now() + timeoutMs;
  let events = await dash.events();
  while (!check(events) && Date.now() < deadline) {
    await pause(200);
    events = await dash.events();
  }
  return events;
}

/** Events after sequence number `seq`, oldest first. */
export async function eventsSince(dash: DashboardUnderTest, seq: number): Promise<ClusterEvent[]> {
  return (await dash.events()).filter((e) => e.seq > seq).sort((a, b) => a.seq - b.seq);
}

/** The newest event's sequence number; 0 before any. */
export async function lastSeq(dash: DashboardUnderTest): Promise<number> {
  return Math.max(0, ...(await dash.events()).map((e) => e.seq));
}
