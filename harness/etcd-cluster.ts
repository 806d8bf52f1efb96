import { readFileSync } from "node:fs";
import { mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CertPaths, generateCerts } from "./certs";
import { seconds, sleep, withDeadline } from "./deadline";
import { type EtcdBinaries, type EtcdVersion, etcdBinaries } from "./etcd-binaries";
import { createEtcdClient } from "./etcd-client";
import { type Election, logTail, parseElections } from "./etcd-log";
import { type EtcdMember, etcdArgs, MemberSlot } from "./etcd-member";
import { spawnEtcd } from "./etcd-process";
import { runEtcdctl, type TlsFiles } from "./etcdctl";
import { HarnessError } from "./harness-error";
import { freeLoopbackPorts } from "./loopback-ports";
import { grantAccess } from "./run-as";

export type { EtcdMember, MemberState } from "./etcd-member";

export interface EtcdClusterOptions {
  size: number;
  /** Holds certs/ and one directory per member (data/ and etcd.log). */
  dir: string;
  /** Members are named `${namePrefix}1` … ; default "m". */
  namePrefix?: string;
  /** Use the first free loopback ports at or above this one instead of kernel-picked ports. */
  basePort?: number;
  quotaBackendBytes?: number;
  /** etcd's --heartbeat-interval; default 100. */
  heartbeatMs?: number;
  /** etcd's --election-timeout; default 1000. */
  electionMs?: number;
  /** How long start() waits for every member to answer and a leader to be elected; default 30 s. */
  readyTimeoutMs?: number;
  /** Appended to every member's command line. */
  extraArgs?: string[];
  /** Which etcd to run; default RAFTSCOPE_ETCD_VERSION, else 3.4. */
  etcdVersion?: EtcdVersion;
  /**
   * The client URLs a member advertises, given its own and every member's (by name); default
   * its own. Lets a test advertise another member's URL first, as VIP or localhost-first
   * layouts do.
   */
  advertiseClientUrls?: (own: string, all: ReadonlyMap<string, string>, name: string) => string[];
}

/** One member's Maintenance Status answer, with ids in hex. */
export interface MemberStatusSummary {
  name: string;
  id: string;
  /** Undefined when the member knows of no leader. */
  leaderId: string | undefined;
  term: number;
  raftIndex: number;
  raftAppliedIndex: number;
  isLearner: boolean;
  errors: string[];
}

export interface ClusterDescription {
  endpoints: string[];
  tls: TlsFiles;
  members: Array<{
    name: string;
    id: string | undefined;
    clientUrl: string;
    peerUrl: string;
    pid: number | undefined;
  }>;
}

interface WaitOptions {
  timeoutMs?: number;
}

const STATUS_TIMEOUT_MS = 2_000;
const POLL_MS = 200;
const STOP_TIMEOUT_MS = 20_000;
const KILL_TIMEOUT_MS = 5_000;
const MEMBER_READY_TIMEOUT_MS = 30_000;
const LEADER_TIMEOUT_MS = 20_000;
const PROMOTE_TIMEOUT_MS = 30_000;
const RECONFIGURE_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 3;
const RETRYABLE_RECONFIGURE = [
  "etcdserver: unhealthy cluster",
  "in sync with leader",
  "re-configuration failed due to not enough started members",
];

/**
 * N real etcd members on 127.0.0.1 with mutual TLS on client and peer URLs, plus the faults and
 * membership changes the integration tests, e2e, benchmarks and the demo need.
 */
export class EtcdCluster {
  private readonly slots: MemberSlot[] = [];
  private readonly token = `raftscope-${process.pid}-${Date.now().toString(36)}`;

  private constructor(
    private readonly opts: Required<
      Omit<
        EtcdClusterOptions,
        "basePort" | "quotaBackendBytes" | "etcdVersion" | "advertiseClientUrls"
      >
    > &
      Pick<EtcdClusterOptions, "basePort" | "quotaBackendBytes" | "advertiseClientUrls"> & {
        binaries: EtcdBinaries;
      },
    private certs: CertPaths,
  ) {}

  /**
   * Starts `size` members with fresh data directories (anything left in `dir` from an earlier
   * cluster is wiped, certificates are reused) and resolves once every member answers and a
   * leader is elected. Retries with new ports when another process took one in the meantime.
   */
  static async start(options: EtcdClusterOptions): Promise<EtcdCluster> {
    const opts = {
      size: options.size,
      dir: path.resolve(options.dir),
      namePrefix: options.namePrefix ?? "m",
      basePort: options.basePort,
      quotaBackendBytes: options.quotaBackendBytes,
      heartbeatMs: options.heartbeatMs ?? 100,
      electionMs: options.electionMs ?? 1_000,
      readyTimeoutMs: options.readyTimeoutMs ?? MEMBER_READY_TIMEOUT_MS,
      extraArgs: options.extraArgs ?? [],
      binaries: etcdBinaries(options.etcdVersion),
      advertiseClientUrls: options.advertiseClientUrls,
    };
    if (!Number.isInteger(opts.size) || opts.size < 1) {
      throw new HarnessError("INVALID_STATE", `cluster size must be a positive integer`);
    }
    const names = Array.from({ length: opts.size }, (_, i) => `${opts.namePrefix}${i + 1}`);
    await mkdir(opts.dir, { recursive: true });
    const certs = await generateCerts(path.join(opts.dir, "certs"), { memberNames: names });
    for (let attempt = 1; ; attempt++) {
      const cluster = new EtcdCluster(opts, certs);
      try {
        await cluster.bootstrap(names);
        return cluster;
      } catch (error) {
        const clash = cluster.slots.some((slot) =>
          logTail(slot.logFile, 50).includes("address already in use"),
        );
        await cluster.teardown().catch(() => undefined);
        if (!clash || attempt >= START_ATTEMPTS) throw error;
      }
    }
  }

  /** Members that have not been removed, in the order they were added. */
  get members(): readonly EtcdMember[] {
    return this.slots.filter((slot) => !slot.removed);
  }

  /** Client URLs of every member that has not been removed, running or not. */
  get endpoints(): string[] {
    return this.members.map((member) => member.clientUrl);
  }

  /** The client certificate Raftscope presents (CN=raftscope) and the CA that signed the members. */
  get tlsFiles(): TlsFiles {
    return { ca: this.certs.ca.cert, cert: this.certs.client.cert, key: this.certs.client.key };
  }

  /** The CN=root client certificate the harness gives etcdctl. */
  get rootTlsFiles(): TlsFiles {
    return { ca: this.certs.ca.cert, cert: this.certs.root.cert, key: this.certs.root.key };
  }

  get dir(): string {
    return this.opts.dir;
  }

  /** The etcd version and binaries this cluster runs. */
  get binaries(): EtcdBinaries {
    return this.opts.binaries;
  }

  member(name: string): EtcdMember {
    return this.slot(name);
  }

  describe(): ClusterDescription {
    return {
      endpoints: this.endpoints,
      tls: this.tlsFiles,
      members: this.members.map(({ name, id, clientUrl, peerUrl, pid }) => ({
        name,
        id,
        clientUrl,
        peerUrl,
        pid,
      })),
    };
  }

  /** Maintenance Status of one member, with a deadline. */
  async status(name: string, timeoutMs = STATUS_TIMEOUT_MS): Promise<MemberStatusSummary> {
    const slot = this.slot(name);
    slot.client ??= createEtcdClient([slot.clientUrl], this.rootTlsFiles, {
      callTimeoutMs: timeoutMs,
    });
    const answer = await withDeadline(
      slot.client.maintenance.status({ deadline: Date.now() + timeoutMs }),
      timeoutMs + 500,
      `Status of etcd member ${name} did not answer within ${seconds(timeoutMs)}`,
    );
    const id = hexId(answer.header.member_id);
    slot.id = id;
    slot.isLearner = answer.isLearner;
    const leader = hexId(answer.leader);
    return {
      name,
      id,
      leaderId: leader === "0" ? undefined : leader,
      term: Number(answer.raftTerm),
      raftIndex: Number(answer.raftIndex),
      raftAppliedIndex: Number(answer.raftAppliedIndex),
      isLearner: answer.isLearner,
      errors: answer.errors,
    };
  }

  /**
   * Name of the leader as the cluster sees it: among the running, unfrozen members that answer,
   * the one that reports itself leader at the highest term. Undefined while there is none.
   */
  async leader(): Promise<string | undefined> {
    const answers = await Promise.all(
      this.reachable().map((slot) => this.status(slot.name).catch(() => undefined)),
    );
    let best: MemberStatusSummary | undefined;
    for (const answer of answers) {
      if (answer === undefined || answer.leaderId !== answer.id) continue;
      if (best === undefined || answer.term > best.term) best = answer;
    }
    return best?.name;
  }

  /** Waits until a leader other than `exclude` is elected and returns its name. */
  async waitForLeader(opts: WaitOptions & { exclude?: string } = {}): Promise<string> {
    const timeoutMs = opts.timeoutMs ?? LEADER_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const leader = await this.leader();
      if (leader !== undefined && leader !== opts.exclude) return leader;
      if (Date.now() >= deadline) {
        const other = opts.exclude === undefined ? "" : ` other than ${opts.exclude}`;
        throw new HarnessError(
          "NO_LEADER",
          `no leader${other} was elected within ${seconds(timeoutMs)} (last seen: ${leader ?? "none"}); ${this.logTails()}`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  /** SIGKILL: no leadership transfer, no flush, as in a machine crash. */
  async kill(name: string): Promise<void> {
    const slot = this.runningSlot(name, "kill");
    slot.closeClient();
    slot.process?.signal("SIGKILL");
    await this.awaitExit(slot, KILL_TIMEOUT_MS);
    slot.frozen = false;
  }

  /** SIGSTOP: the process keeps its sockets open but answers nothing, like a stalled disk. */
  freeze(name: string): void {
    const slot = this.runningSlot(name, "freeze");
    if (slot.frozen) return;
    slot.process?.signal("SIGSTOP");
    if (slot.process) waitUntilStopped(slot.process.pid);
    slot.frozen = true;
  }

  thaw(name: string): void {
    const slot = this.slot(name);
    if (!slot.frozen) return;
    slot.process?.signal("SIGCONT");
    slot.frozen = false;
  }

  /** SIGTERM and wait for the exit; SIGKILL if it takes longer than `timeoutMs`. */
  async stop(name: string, opts: WaitOptions = {}): Promise<void> {
    const slot = this.slot(name);
    slot.closeClient();
    if (!slot.running) return;
    if (slot.frozen) this.thaw(name);
    slot.process?.signal("SIGTERM");
    try {
      await this.awaitExit(slot, opts.timeoutMs ?? STOP_TIMEOUT_MS);
    } catch {
      slot.process?.signal("SIGKILL");
      await this.awaitExit(slot, KILL_TIMEOUT_MS);
    }
  }

  /**
   * Starts a stopped or killed member again on its data directory. By default resolves once it
   * answers and follows a leader; pass `requireLeader: false` when quorum is still missing.
   */
  async restart(name: string, opts: WaitOptions & { requireLeader?: boolean } = {}): Promise<void> {
    const slot = this.slot(name);
    if (slot.removed || slot.running) {
      throw new HarnessError("INVALID_STATE", `cannot restart etcd member ${name}: ${slot.state}`);
    }
    slot.closeClient();
    await this.spawnMember(slot, "existing");
    await this.waitForMember(slot, opts.requireLeader ?? true, opts.timeoutMs);
  }

  /**
   * Restarts a member under another user id, so firewall rules can tell its own outbound
   * connections from everyone else's on the shared loopback (see peer-partition.ts).
   */
  async restartAs(name: string, runAs: { uid: number; gid: number }): Promise<void> {
    const slot = this.slot(name);
    await this.stop(name);
    const certs = this.certs;
    await grantAccess(runAs, {
      traverse: [this.opts.dir, certs.dir, slot.memberDir],
      own: [slot.dataDir, certs.server(name).key, certs.peer(name).key],
    });
    slot.runAs = runAs;
    await this.restart(name);
  }

  /** `etcdctl member add --learner`, then starts the learner and waits until it follows the leader. */
  addLearner(name: string, opts: WaitOptions = {}): Promise<EtcdMember> {
    return this.add(name, true, opts.timeoutMs);
  }

  /** `etcdctl member add` of a voter, then starts it and waits until it follows the leader. */
  addMember(name: string, opts: WaitOptions = {}): Promise<EtcdMember> {
    return this.add(name, false, opts.timeoutMs);
  }

  /**
   * `etcdctl member promote`, retried while etcd says the learner is not yet in sync; resolves
   * once the member itself reports it is a voter.
   */
  async promote(name: string, opts: WaitOptions = {}): Promise<void> {
    const slot = this.slot(name);
    const timeoutMs = opts.timeoutMs ?? PROMOTE_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    await this.reconfigure(
      ["member", "promote", this.knownId(slot)],
      timeoutMs,
      `promote learner ${name}`,
    );
    // The leader answers once it applied the change; the member applies it a moment later and
    // says isLearner: true until then.
    for (;;) {
      const status = await this.status(name).catch(() => undefined);
      if (status !== undefined && !status.isLearner) return;
      if (Date.now() >= deadline) {
        throw new HarnessError(
          "TIMEOUT",
          `etcd member ${name} was promoted but still reports itself a learner after ${seconds(timeoutMs)}`,
        );
      }
      await sleep(50);
    }
  }

  /** `etcdctl member remove`, then stops the process (etcd usually exits on its own first). */
  async removeMember(name: string): Promise<void> {
    const slot = this.slot(name);
    const id = this.knownId(slot);
    const others = this.etcdctlEndpoints().filter((url) => url !== slot.clientUrl);
    await this.reconfigure(["member", "remove", id], RECONFIGURE_TIMEOUT_MS, `remove ${name}`, {
      endpoints: others,
    });
    await this.stop(name, { timeoutMs: 10_000 });
    slot.removed = true;
  }

  /**
   * Runs etcdctl with the root client certificate against the running, unfrozen voters (a
   * learner rejects most requests), or `endpoints` when given.
   */
  etcdctl(
    args: string[],
    opts: { endpoints?: string[]; commandTimeoutMs?: number } = {},
  ): Promise<string> {
    return runEtcdctl(args, {
      bin: this.opts.binaries.etcdctl,
      endpoints: opts.endpoints ?? this.etcdctlEndpoints(),
      tls: this.rootTlsFiles,
      commandTimeoutMs: opts.commandTimeoutMs,
    });
  }

  /** Elections won since `since` (epoch ms), from every member's log, oldest first. */
  electionsSince(since: number): Election[] {
    const elections: Election[] = [];
    for (const slot of this.slots) {
      let text: string;
      try {
        text = readFileSync(slot.logFile, "utf8");
      } catch {
        continue;
      }
      elections.push(...parseElections(text, slot.name).filter((e) => e.at >= since));
    }
    return elections.sort((a, b) => a.at - b.at || a.term - b.term);
  }

  /**
   * Thaws frozen members, stops the followers and then the leader: stopping them all at once makes
   * the leader try to hand over leadership to peers that are going away, which costs ~7 s.
   * Data is kept unless `removeData` is set.
   */
  async teardown(opts: { removeData?: boolean } = {}): Promise<void> {
    for (const slot of this.slots) if (slot.frozen) this.thaw(slot.name);
    const leader = await this.leader().catch(() => undefined);
    const running = this.slots.filter((slot) => slot.running);
    await Promise.all(
      running.filter((slot) => slot.name !== leader).map((slot) => this.stop(slot.name)),
    );
    if (leader !== undefined) await this.stop(leader);
    for (const slot of this.slots) slot.closeClient();
    if (opts.removeData) {
      await Promise.all(
        this.slots.map((slot) => rm(slot.memberDir, { recursive: true, force: true })),
      );
      await rm(this.certs.dir, { recursive: true, force: true });
      await rmdir(this.opts.dir).catch(() => undefined);
    }
  }

  private async bootstrap(names: string[]): Promise<void> {
    const ports = await freeLoopbackPorts(names.length * 2, this.opts.basePort);
    const urls = names.map((_, i) => ({
      client: `https://127.0.0.1:${ports[2 * i]}`,
      peer: `https://127.0.0.1:${ports[2 * i + 1]}`,
    }));
    const initialCluster = names.map((name, i) => `${name}=${urls[i]?.peer}`).join(",");
    for (const [i, name] of names.entries()) {
      const url = urls[i];
      if (url === undefined) throw new Error("unreachable: one URL pair per member");
      const slot = new MemberSlot(
        name,
        url.client,
        url.peer,
        path.join(this.opts.dir, name),
        initialCluster,
      );
      this.slots.push(slot);
      await rm(slot.memberDir, { recursive: true, force: true });
      await mkdir(slot.memberDir, { recursive: true });
      await writeFile(slot.logFile, "");
    }
    for (const slot of this.slots) await this.spawnMember(slot, "new");
    const deadline = Date.now() + this.opts.readyTimeoutMs;
    await Promise.all(
      this.slots.map((slot) => this.waitForMember(slot, true, this.opts.readyTimeoutMs)),
    );
    await this.waitForLeader({ timeoutMs: Math.max(deadline - Date.now(), 1_000) });
  }

  private async add(name: string, learner: boolean, timeoutMs?: number): Promise<EtcdMember> {
    if (this.slots.some((slot) => slot.name === name)) {
      throw new HarnessError("INVALID_STATE", `etcd member name ${name} is already used`);
    }
    this.certs = await generateCerts(this.certs.dir, {
      memberNames: [...this.slots.map((slot) => slot.name), name],
    });
    const [clientPort, peerPort] = await freeLoopbackPorts(2, this.opts.basePort);
    const peerUrl = `https://127.0.0.1:${peerPort}`;
    const output = await this.reconfigure(
      ["member", "add", name, `--peer-urls=${peerUrl}`, ...(learner ? ["--learner"] : [])],
      RECONFIGURE_TIMEOUT_MS,
      `add ${learner ? "learner" : "member"} ${name}`,
    );
    // etcdctl prints `Member 8211f1d0f64f3269 added to cluster …` (the id padded with spaces
    // to 16 columns when shorter) and the environment the new member needs, among it
    // ETCD_INITIAL_CLUSTER="m1=https://…,…".
    const id = /Member\s+([0-9a-f]+) added to cluster/.exec(output)?.[1];
    const initialCluster = /ETCD_INITIAL_CLUSTER="([^"]*)"/.exec(output)?.[1];
    if (id === undefined || initialCluster === undefined) {
      throw new HarnessError(
        "ETCDCTL_FAILED",
        `unexpected etcdctl member add output for ${name}: ${output}`,
      );
    }
    const slot = new MemberSlot(
      name,
      `https://127.0.0.1:${clientPort}`,
      peerUrl,
      path.join(this.opts.dir, name),
      initialCluster,
    );
    slot.id = id;
    slot.isLearner = learner;
    this.slots.push(slot);
    await rm(slot.memberDir, { recursive: true, force: true });
    await mkdir(slot.memberDir, { recursive: true });
    await writeFile(slot.logFile, "");
    try {
      await this.spawnMember(slot, "existing");
      await this.waitForMember(slot, true, timeoutMs);
    } catch (error) {
      // An added voter that never starts counts against quorum; take it out again.
      await this.etcdctl(["member", "remove", id]).catch(() => undefined);
      await this.stop(name, { timeoutMs: 5_000 }).catch(() => undefined);
      slot.removed = true;
      throw error;
    }
    return slot;
  }

  /**
   * Runs a membership change, retrying while etcd's strict reconfiguration check refuses it:
   * "unhealthy cluster" until every voter has been connected to the leader for 5 s (so for 5 s
   * after any restart), and "in sync with leader" until a learner has caught up. Other errors,
   * and timeouts (the change may have been applied), are not retried.
   */
  private async reconfigure(
    args: string[],
    timeoutMs: number,
    what: string,
    opts: { endpoints?: string[] } = {},
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.etcdctl(args, opts);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!RETRYABLE_RECONFIGURE.some((text) => message.includes(text))) throw error;
        if (Date.now() >= deadline) {
          throw new HarnessError(
            "TIMEOUT",
            `could not ${what} within ${seconds(timeoutMs)}; last refusal: ${message}`,
          );
        }
      }
      await sleep(500);
    }
  }

  private async spawnMember(slot: MemberSlot, state: "new" | "existing"): Promise<void> {
    slot.frozen = false;
    const all = new Map(this.slots.map((s) => [s.name, s.clientUrl]));
    const advertise = this.opts.advertiseClientUrls?.(slot.clientUrl, all, slot.name);
    const { advertiseClientUrls: _pick, ...opts } = this.opts;
    const args = etcdArgs(slot, {
      ...opts,
      state,
      token: this.token,
      certs: this.certs,
      ...(advertise ? { advertiseClientUrls: advertise } : {}),
    });
    slot.process = await spawnEtcd(this.opts.binaries.etcd, args, slot.logFile, slot.runAs);
  }

  /** Polls Status until the member answers (and follows a leader when `requireLeader`). */
  private async waitForMember(
    slot: MemberSlot,
    requireLeader: boolean,
    timeoutMs = MEMBER_READY_TIMEOUT_MS,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastProblem = "no answer yet";
    for (;;) {
      const exit = slot.process?.exit;
      if (exit !== undefined) {
        throw new HarnessError(
          "MEMBER_EXITED",
          `etcd member ${slot.name} exited while starting (code ${exit.code}, signal ${exit.signal}); last log lines:\n${logTail(slot.logFile)}`,
        );
      }
      try {
        const status = await this.status(slot.name);
        if (!requireLeader || status.leaderId !== undefined) return;
        lastProblem = "answers but knows no leader";
      } catch (error) {
        lastProblem = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() >= deadline) {
        throw new HarnessError(
          "MEMBER_NOT_READY",
          `etcd member ${slot.name} did not become ready within ${seconds(timeoutMs)} (${lastProblem}); last log lines:\n${logTail(slot.logFile)}`,
        );
      }
      await sleep(POLL_MS);
    }
  }

  private async awaitExit(slot: MemberSlot, timeoutMs: number): Promise<void> {
    const exited = slot.process?.exited;
    if (exited === undefined) return;
    await withDeadline(
      exited,
      timeoutMs,
      `etcd member ${slot.name} (pid ${slot.process?.pid}) did not exit within ${seconds(timeoutMs)}`,
    );
  }

  private slot(name: string): MemberSlot {
    const slot = this.slots.find((candidate) => candidate.name === name);
    if (slot === undefined) {
      const known = this.slots.map((candidate) => candidate.name).join(", ");
      throw new HarnessError("UNKNOWN_MEMBER", `no etcd member named ${name} (have: ${known})`);
    }
    return slot;
  }

  private runningSlot(name: string, action: string): MemberSlot {
    const slot = this.slot(name);
    if (!slot.running) {
      throw new HarnessError(
        "INVALID_STATE",
        `cannot ${action} etcd member ${name}: ${slot.state}`,
      );
    }
    return slot;
  }

  private knownId(slot: MemberSlot): string {
    if (slot.id === undefined) {
      throw new HarnessError("INVALID_STATE", `etcd member ${slot.name} has not reported its id`);
    }
    return slot.id;
  }

  private reachable(): MemberSlot[] {
    return this.slots.filter((slot) => !slot.removed && slot.running && !slot.frozen);
  }

  private etcdctlEndpoints(): string[] {
    return this.reachable()
      .filter((slot) => !slot.isLearner)
      .map((slot) => slot.clientUrl);
  }

  private logTails(): string {
    return this.slots
      .filter((slot) => !slot.removed)
      .map((slot) => `last log lines of ${slot.name} (${slot.state}):\n${logTail(slot.logFile, 8)}`)
      .join("\n");
  }
}

/** etcd's uint64 ids arrive as decimal strings; etcdctl and the logs print them in hex. */
function hexId(decimal: string): string {
  return BigInt(decimal).toString(16);
}

/**
 * Returns once the kernel reports `pid` stopped (state T in /proc/<pid>/stat), or after 1 s.
 * kill(2) returns before every thread of a busy process has stopped, so a request sent at once
 * could still be answered; a frozen member must answer nothing from the moment freeze returns.
 */
function waitUntilStopped(pid: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 1_000;
  while (Date.now() < deadline) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      return; // gone, or not Linux
    }
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    if (state === "T" || state === "t") return;
    Atomics.wait(pause, 0, 0, 1);
  }
}
