import "server-only";
import type { ClusterConfig } from "../config/config-schema";
import {
  type ConsistencyMismatch,
  mismatchAfter,
  mismatchFromEvents,
} from "../consistency/consistency-mismatch";
import type { ConsistencyReport } from "../consistency/consistency-report";
import type { ClusterEvent } from "../events/cluster-event";
import { detectBlindness } from "../health/blindness";
import type { ClusterHealth } from "../health/cluster-health";
import { HistoryRing } from "../history/history-ring";
import type { ClusterSnapshot, MemberInfo, MemberProbe } from "../member-snapshot";
import type { CertificateInfo } from "../tls/certificate-info";
import type { TlsProblem } from "../tls/tls-diagnosis";
import type { TlsObservations } from "../tls/tls-observations";
import type { EventLog } from "./event-log";
import type { KnownEndpoints } from "./known-endpoints";
import type { PrometheusSeries } from "./metrics/read-prometheus-series";
import type { EtcdClusterIds } from "./poller/etcd-cluster-ids";
import { eventLoopLag } from "./poller/event-loop-lag";
import { EventRecorder } from "./poller/event-recorder";
import { MemberClients } from "./poller/member-clients";
import { discoverMembers } from "./poller/member-discovery";
import { type ProbeContext, probeMember } from "./poller/member-probe";
import { scrapeMember } from "./poller/member-scrape";
import { errorText, notStarted, type TrackedMember, trackMember } from "./poller/tracked-member";
import { VerdictPublisher } from "./poller/verdict-publisher";
import { EndpointDiagnoser } from "./tls/endpoint-diagnoser";
import { TlsMaterialSource } from "./tls/tls-material-source";

/** One /metrics scrape of one member: its series, or null when it failed or did not parse. */
export interface MemberScrape {
  memberId: string;
  /** Unix ms. */
  at: number;
  series: readonly PrometheusSeries[] | null;
}

export type PollerMessage =
  | { kind: "health"; health: ClusterHealth }
  | { kind: "event"; event: ClusterEvent };

/** While the leader is lost or changing, poll at this interval until the voters agree again. */
const FAST_INTERVAL_MS = 100;
/** The chart history: one hour at one point a second. */
const HISTORY_POINTS = 3600;
/** A cluster that stays leaderless this long is down, not electing: stop polling fast. */
const FAST_MODE_LIMIT_MS = 30_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

/**
 * Watches one cluster for every viewer. Each sweep asks every member's Status at once, with a
 * deadline, and checks who answered (poller/member-probe.ts); MemberList runs only against
 * voters (poller/member-discovery.ts); /metrics and self-checks are scraped in the background
 * (poller/member-scrape.ts); the verdict, events and history come from poller/verdict-publisher.ts.
 * A member that stopped answering is probed in the background, so it never delays the others.
 * A sweep during which Raftscope itself stalled, or could not present valid credentials, gives
 * an "unknown" verdict rather than a failing cluster.
 */
export class ClusterPoller {
  /** The cluster's certificate files; the key browser connects with the same. */
  readonly tlsSource: TlsMaterialSource | undefined;
  private readonly clients: MemberClients;
  private discoveryTlsProblem: TlsProblem | null = null;
  private readonly diagnoser: EndpointDiagnoser;
  private members = new Map<string, TrackedMember>();
  /** Client URLs and whether they last answered Status as a voter or a learner. */
  private readonly urlRoles = new Map<string, { memberId: string; learner: boolean }>();
  private etcdClusterId = "";
  private discoveryError: string | undefined;
  private pollerFault: string | undefined;
  private consistencyMismatch: ConsistencyMismatch | null;
  private memberListInFlight = false;
  private lastMemberListAt = 0;
  private lastScrapeAt = 0;
  private lastMetricsAt = 0;
  /** Viewers with the cluster's page open: /metrics runs at scrapeIntervalMs while any do. */
  private watchers = 0;
  private leaderlessSince: number | undefined;
  private lastGoodSweepAt: number | undefined;
  private blind: ClusterSnapshot["blind"];
  private readonly listeners = new Set<(msg: PollerMessage) => void>();
  private readonly scrapeListeners = new Set<(scrape: MemberScrape) => void>();
  private stopped = false;
  private loop: Promise<void> | undefined;
  private publishQueued = false;
  private readonly recorder: EventRecorder;
  private readonly publisher: VerdictPublisher;
  private readonly probeContext: ProbeContext;
  readonly history: HistoryRing;
  sweeps = 0;

  constructor(
    readonly config: ClusterConfig,
    private readonly eventLog: EventLog,
    private readonly known?: KnownEndpoints,
    /** Shared by the process's pollers, to say when two config entries reach one etcd cluster. */
    private readonly etcdClusterIds?: EtcdClusterIds,
  ) {
    this.tlsSource = config.tls ? new TlsMaterialSource(config.tls) : undefined;
    // A mismatch found before a restart stands until a check agrees, not until Raftscope restarts.
    const lastCheck = eventLog.newest(["consistency_mismatch", "consistency_agreed"]);
    this.consistencyMismatch = mismatchFromEvents(lastCheck ? [lastCheck] : []);
    this.clients = new MemberClients(this.tlsSource, config.deadlineMs);
    this.diagnoser = new EndpointDiagnoser(config.deadlineMs);
    this.history = new HistoryRing(HISTORY_POINTS);
    this.recorder = new EventRecorder(eventLog, config.id, (events) => {
      for (const event of events) this.emit({ kind: "event", event });
    });
    this.publisher = new VerdictPublisher(config, this.name, this.recorder, this.history, (h) =>
      this.emit({ kind: "health", health: h }),
    );
    this.probeContext = {
      clients: this.clients,
      diagnoser: this.diagnoser,
      deadlineMs: config.deadlineMs,
      nameOf: (id) => this.nameOf(id),
      changed: () => {
        this.lastMemberListAt = 0;
        this.queuePublish();
      },
      sawClusterId: (id) => {
        this.etcdClusterId = id;
        this.etcdClusterIds?.set(config.id, id);
      },
    };
  }

  get name(): string {
    return this.config.name ?? this.config.id;
  }

  get health(): ClusterHealth | undefined {
    return this.publisher.latest;
  }

  /** Resolves with the first verdict; a fresh server answers once its first sweep is done. */
  firstHealth(): Promise<ClusterHealth> {
    const known = this.publisher.latest;
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const off = this.subscribe((msg) => {
        if (msg.kind === "health") {
          off();
          resolve(msg.health);
        }
      });
    });
  }

  get events(): EventLog {
    return this.eventLog;
  }

  /**
   * Starts polling. With `spreadMs` (see startupSpreadMs), the first sweep comes at a random
   * moment within half of it and the first scrape round within all of it, so that pollers
   * started together do not dial every member in the same instant.
   */
  start(opts: { spreadMs?: number } = {}): void {
    if (this.loop) return;
    eventLoopLag();
    const spreadMs = opts.spreadMs ?? 0;
    this.lastScrapeAt = Date.now() - this.config.scrapeIntervalMs + Math.random() * spreadMs;
    this.loop = this.run(Math.random() * (spreadMs / 2));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    this.recorder.close();
    this.clients.close();
  }

  /**
   * Takes a finished consistency check: a confirmed mismatch stays in the verdict until one
   * agrees. Says whether this check cleared a standing mismatch.
   */
  noteConsistency(report: ConsistencyReport): { cleared: boolean } {
    const next = mismatchAfter(this.consistencyMismatch, report);
    if (next === this.consistencyMismatch) return { cleared: false };
    const cleared = next === null;
    this.consistencyMismatch = next;
    this.queuePublish();
    return { cleared };
  }

  subscribe(listener: (msg: PollerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Someone has this cluster's page (its charts) open: /metrics every `scrapeIntervalMs` until
   * the returned function is called, instead of every `backgroundScrapeIntervalMs`. The first
   * watcher of a cluster whose metrics are older than that gets a scrape at the next sweep.
   */
  watch(): () => void {
    this.watchers++;
    if (this.watchers === 1 && Date.now() - this.lastMetricsAt >= this.config.scrapeIntervalMs) {
      this.lastMetricsAt = 0;
      this.lastScrapeAt = 0;
    }
    let watching = true;
    return () => {
      if (watching) this.watchers--;
      watching = false;
    };
  }

  /** How often /metrics is read now: faster while someone watches, never below scrapeIntervalMs. */
  get metricsIntervalMs(): number {
    const { scrapeIntervalMs, backgroundScrapeIntervalMs } = this.config;
    return this.watchers > 0
      ? scrapeIntervalMs
      : Math.max(scrapeIntervalMs, backgroundScrapeIntervalMs);
  }

  /** Hears every member's /metrics scrape as it lands, with its raw series (the alert rules' input). */
  onScrape(listener: (scrape: MemberScrape) => void): () => void {
    this.scrapeListeners.add(listener);
    return () => this.scrapeListeners.delete(listener);
  }

  private emitScrape(scrape: MemberScrape): void {
    for (const l of this.scrapeListeners) {
      try {
        l(scrape);
      } catch {
        // A failing listener must not cost the verdict its metrics.
      }
    }
  }

  private emit(msg: PollerMessage): void {
    for (const l of this.listeners) {
      try {
        l(msg);
      } catch {
        // One broken viewer must not stop the others from hearing.
      }
    }
  }

  private get fast(): boolean {
    return (
      this.leaderlessSince !== undefined && Date.now() - this.leaderlessSince < FAST_MODE_LIMIT_MS
    );
  }

  private get intervalMs(): number {
    return this.fast ? FAST_INTERVAL_MS : this.config.pollIntervalMs;
  }

  private async run(firstSweepDelayMs: number): Promise<void> {
    if (firstSweepDelayMs > 0) await sleep(firstSweepDelayMs);
    // Pollers started together would sweep, scrape and parse in the same instant every
    // interval: after the first sweep, each moves to its own phase within one interval.
    let phaseMs = Math.random() * this.config.pollIntervalMs;
    while (!this.stopped) {
      const started = Date.now();
      try {
        await this.sweep();
        this.pollerFault = undefined;
      } catch (err) {
        this.pollerFault = errorText(err);
        this.publish();
      }
      await sleep(Math.max(0, started + this.intervalMs + phaseMs - Date.now()));
      phaseMs = 0;
    }
  }

  private nameOf = (memberId: string): string => this.members.get(memberId)?.info.name || memberId;

  private probe(m: TrackedMember): Promise<void> {
    return probeMember(m, this.probeContext).then(() => {
      if (m.probe?.kind === "reachable") {
        this.urlRoles.set(m.probe.endpoint, {
          memberId: m.info.id,
          learner: m.probe.status.isLearner,
        });
      }
    });
  }

  /** URLs that answered Status as voters, answering members first. */
  private voterUrls(): string[] {
    const urls: string[] = [];
    for (const m of this.members.values()) {
      if (m.probe?.kind === "reachable" && !m.probe.status.isLearner) urls.push(m.probe.endpoint);
    }
    for (const [url, role] of this.urlRoles) {
      if (!role.learner && this.members.has(role.memberId)) urls.push(url);
    }
    return [...new Set(urls)];
  }

  /**
   * MemberList, and the tracked members made to match it. Resolves with whether anything a
   * verdict shows changed (members, their names, URLs or roles, or the discovery error), so a
   * list that only confirms what was known costs no extra verdict.
   */
  private async refreshMembers(): Promise<boolean> {
    if (this.memberListInFlight) return false;
    this.memberListInFlight = true;
    const errorBefore = this.discoveryError;
    try {
      const learnerUrls = new Set(
        [...this.urlRoles].filter(([, r]) => r.learner).map(([url]) => url),
      );
      const { members: list, roles } = await discoverMembers({
        clients: this.clients,
        deadlineMs: this.config.deadlineMs,
        voterUrls: this.voterUrls(),
        otherUrls: [
          ...this.config.endpoints,
          ...[...this.members.values()].flatMap((m) => m.info.clientUrls),
          ...(this.known?.endpoints ?? []),
        ].filter((u) => !learnerUrls.has(u)),
      });
      for (const r of roles) this.urlRoles.set(r.url, { memberId: r.memberId, learner: r.learner });
      const next = new Map<string, TrackedMember>();
      const added: TrackedMember[] = [];
      let changed = list.length !== this.members.size;
      for (const info of list) {
        const prev = this.members.get(info.id);
        if (prev) {
          if (!sameMemberInfo(prev.info, info)) changed = true;
          prev.info = info;
          next.set(info.id, prev);
        } else {
          const m = trackMember(info);
          added.push(m);
          next.set(info.id, m);
        }
      }
      // A member joins the verdict only once probed, so it never shows as down for a moment.
      await Promise.all(added.map((m) => this.probe(m)));
      this.members = next;
      this.discoveryError = undefined;
      this.discoveryTlsProblem = null;
      this.lastMemberListAt = Date.now();
      this.known?.save(list.flatMap((m) => m.clientUrls));
      this.pruneClients();
      return changed || added.length > 0 || errorBefore !== undefined;
    } catch (err) {
      this.discoveryError = errorText(err);
      if (this.members.size === 0) await this.diagnoseDiscovery();
      return this.discoveryError !== errorBefore;
    } finally {
      this.memberListInFlight = false;
    }
  }

  /** With no member known, a TLS problem can only be shown on the discovery error itself. */
  private async diagnoseDiscovery(): Promise<void> {
    const tls = this.clients.tls;
    if (!tls) return;
    const version = this.clients.version;
    const problems = await Promise.all(
      this.config.endpoints.map((e) => this.diagnoser.diagnose(e, tls, version)),
    );
    const problem = problems.find((p): p is TlsProblem => p !== null) ?? null;
    this.discoveryTlsProblem = problem;
    if (problem) this.discoveryError = `No endpoint answered MemberList: ${problem.message}`;
  }

  private pruneClients(): void {
    const wanted = new Set([
      ...this.config.endpoints,
      ...[...this.members.values()].flatMap((m) => m.info.clientUrls),
    ]);
    for (const url of this.clients.prune(wanted)) {
      this.diagnoser.forget(url);
      this.urlRoles.delete(url);
    }
  }

  /** One round: Status on every member, with MemberList and scrapes when due. */
  async sweep(): Promise<void> {
    if (this.clients.refresh()) {
      for (const m of this.members.values()) m.serverCertificateCheckedAt = undefined;
    }
    const started = Date.now();
    if (this.members.size === 0) {
      await this.refreshMembers();
    } else if (started - this.lastMemberListAt >= this.config.scrapeIntervalMs) {
      void this.refreshMembers().then((changed) => {
        if (changed) this.queuePublish();
      });
    }
    const before = new Map<TrackedMember, MemberProbe | undefined>();
    const waits: Promise<void>[] = [];
    for (const m of this.members.values()) {
      if (m.statusInFlight) continue;
      before.set(m, m.probe);
      const p = this.probe(m);
      // Only members that answered last time are waited for; the others report when they can.
      if (m.probe?.kind !== "unreachable") waits.push(p);
      else void p.then(() => this.queuePublish());
    }
    await Promise.all(waits);
    this.judgeSight(started, before);
    if (!this.blind && started - this.lastScrapeAt >= this.config.scrapeIntervalMs) {
      this.lastScrapeAt = started;
      const metricsDue = started - this.lastMetricsAt >= this.metricsIntervalMs;
      if (metricsDue) this.lastMetricsAt = started;
      const memberIds = new Set(this.members.keys());
      for (const m of this.members.values()) {
        void scrapeMember(m, {
          tls: this.clients.tls,
          deadlineMs: this.config.deadlineMs,
          metricsDue,
          memberIds,
          nameOf: this.nameOf,
          report: (scrape) => this.emitScrape(scrape),
        });
      }
    }
    this.sweeps++;
    this.publish();
  }

  /**
   * Whether this sweep saw the cluster or only Raftscope's own trouble. Failures seen while
   * Raftscope itself stalled say nothing about the members: their last answers are kept.
   */
  private judgeSight(started: number, before: Map<TrackedMember, MemberProbe | undefined>): void {
    // Added up, not the longest: a saturated process is behind by many short stalls.
    const stalledMs = eventLoopLag().stalledMsBetween(started, Date.now());
    // Over at least one deadline: a call that missed it ran that long, however short the sweep
    // (a sweep that waits on no one takes milliseconds, and its own work would read as busy).
    const busyShare = eventLoopLag().utilizationSince(
      Math.min(started, Date.now() - this.config.deadlineMs),
    );
    const probed = [...this.members.values()].filter((m) => !notStarted(m.info) && m.probe);
    this.blind = detectBlindness({
      probes: probed.map((m) => m.probe as MemberProbe),
      stalledMs,
      // A stall that ate most of a deadline can alone explain a call running out of it.
      stallThresholdMs: this.config.deadlineMs * 0.8,
      busyShare,
      clientCertificate: this.clients.clientCertificate,
      materialProblem: this.tlsSource?.problem ?? null,
      now: Date.now(),
    });
    if (this.blind?.kind === "stalled" || this.blind?.kind === "overloaded") {
      for (const [m, probe] of before) {
        if (m.probe?.kind === "unreachable" && probe) m.probe = probe;
      }
    }
  }

  private queuePublish(): void {
    if (this.publishQueued || this.stopped) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      this.publish();
    });
  }

  snapshot(): ClusterSnapshot {
    return {
      clusterId: this.config.id,
      etcdClusterId: this.etcdClusterId,
      observedAt: Date.now(),
      members: [...this.members.values()].map((m) => ({
        member: m.info,
        endpoint:
          (m.probe?.kind === "reachable" ? m.probe.endpoint : m.endpoint) ??
          m.info.clientUrls[0] ??
          "",
        probe: m.probe ?? { kind: "unreachable", error: "not probed yet" },
        ...(m.selfChecks.length > 0 ? { selfChecks: m.selfChecks } : {}),
        ...(m.metrics ? { metrics: m.metrics } : {}),
        ...(m.scrapeError ? { scrapeError: m.scrapeError } : {}),
        ...(m.statusV36 ? { statusV36: m.statusV36 } : {}),
      })),
      ...(this.discoveryError && this.members.size === 0
        ? { discoveryError: this.discoveryError }
        : {}),
      ...(this.blind ? { blind: this.blind } : {}),
    };
  }

  private tlsObservations(): TlsObservations {
    const serverCertificates: Record<string, CertificateInfo> = {};
    for (const [id, m] of this.members) {
      if (m.serverCertificate) serverCertificates[id] = m.serverCertificate;
    }
    return {
      clientCertificate: this.clients.clientCertificate,
      serverCertificates,
      materialProblem: this.tlsSource?.problem ?? null,
      discoveryProblem: this.members.size === 0 ? this.discoveryTlsProblem : null,
    };
  }

  private publish(): void {
    const snapshot = this.snapshot();
    if (snapshot.members.some((m) => m.probe.kind === "reachable") && !snapshot.blind) {
      this.lastGoodSweepAt = snapshot.observedAt;
    }
    const health = this.publisher.publish(
      snapshot,
      {
        lastGoodSweepAt: this.lastGoodSweepAt,
        ...(this.tlsSource ? { tls: this.tlsObservations() } : {}),
        ...(this.pollerFault ? { pollerFault: this.pollerFault } : {}),
        ...(this.consistencyMismatch ? { consistencyMismatch: this.consistencyMismatch } : {}),
        ...(this.etcdClusterIds
          ? {
              sameEtcdClusterAs: this.etcdClusterIds.othersWith(this.config.id, this.etcdClusterId),
            }
          : {}),
      },
      this.intervalMs,
    );
    const settled = health.blind || (health.leader && health.leaderConfirmed);
    this.leaderlessSince = settled ? undefined : (this.leaderlessSince ?? snapshot.observedAt);
  }
}

function sameMemberInfo(a: MemberInfo, b: MemberInfo): boolean {
  const sameList = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.id === b.id &&
    a.name === b.name &&
    a.isLearner === b.isLearner &&
    sameList(a.clientUrls, b.clientUrls) &&
    sameList(a.peerUrls, b.peerUrls)
  );
}
