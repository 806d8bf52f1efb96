import "server-only";
import type { Etcd3 } from "etcd3";
import type { ClusterConfig } from "../config/config-schema";
import type { ClusterEvent } from "../events/cluster-event";
import { detectEvents } from "../events/detect-events";
import type { ClusterHealth } from "../health/cluster-health";
import { computeClusterHealth } from "../health/compute-health";
import { thresholds } from "../health/thresholds";
import type { HistoryPoint } from "../history/history-point";
import { toHistoryPoint } from "../history/history-point";
import { RingBuffer } from "../history/ring-buffer";
import type {
  ClusterSnapshot,
  MemberHealthCheck,
  MemberInfo,
  MemberMetrics,
  MemberProbe,
} from "../member-snapshot";
import { deriveMemberMetrics } from "../metrics/derive-member-metrics";
import type { MetricsSample } from "../metrics/metrics-sample";
import type { CertificateInfo } from "../tls/certificate-info";
import type { TlsProblem } from "../tls/tls-diagnosis";
import type { TlsObservations } from "../tls/tls-observations";
import { scrapeFamilies } from "./alerts/scrape-families";
import { parseHealthBody } from "./etcd/health-body";
import { createMemberClient } from "./etcd/member-client";
import { getFromMember } from "./etcd/member-http";
import { fetchMemberList, fetchStatus } from "./etcd/member-rpc";
import type { TlsMaterial } from "./etcd/tls-material";
import type { EventLog } from "./event-log";
import type { KnownEndpoints } from "./known-endpoints";
import { metricsSampleOf } from "./metrics/parse-metrics";
import { type PrometheusSeries, readPrometheusSeries } from "./metrics/read-prometheus-series";
import { certificateInfo } from "./tls/certificate-info";
import { EndpointDiagnoser } from "./tls/endpoint-diagnoser";
import { tlsHandshake } from "./tls/tls-handshake";
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
/** A cluster that stays leaderless this long is down, not electing: stop polling fast. */
const FAST_MODE_LIMIT_MS = 30_000;
const HISTORY_RESOLUTION_MS = 1000;
const HEALTH_CHECK_INTERVAL_MS = 30_000;
/** Members' server certificates change rarely: one extra handshake per member this often. */
const SERVER_CERT_CHECK_MS = 30_000;

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const details = (err as { details?: unknown }).details;
    return typeof details === "string" && details ? details : err.message;
  }
  return String(err);
}

function parseCertificate(pem: Buffer): CertificateInfo | null {
  try {
    return certificateInfo(pem);
  } catch {
    return null;
  }
}

function diagnosed(
  probe: MemberProbe & { kind: "unreachable" },
  problem: TlsProblem | null | undefined,
): MemberProbe {
  return problem ? { kind: "unreachable", error: problem.message, tlsProblem: problem } : probe;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}

interface MemberState {
  info: MemberInfo;
  probe?: MemberProbe;
  statusInFlight: boolean;
  scrapeInFlight: boolean;
  health?: MemberHealthCheck;
  healthCheckedAt?: number;
  lastSample?: MetricsSample;
  metrics?: MemberMetrics;
  serverCertificate?: CertificateInfo;
  serverCertificateCheckedAt?: number;
}

/**
 * Watches one cluster for every viewer: one etcd3 client per member, Maintenance Status each
 * interval with a deadline, MemberList, /health and /metrics less often. A member that stopped
 * answering is probed in the background, so it never delays the others' results.
 */
export class ClusterPoller {
  /** The cluster's certificate files; the key browser connects with the same. */
  readonly tlsSource: TlsMaterialSource | undefined;
  private tls: TlsMaterial | undefined;
  private tlsVersion = 0;
  private clientCertificate: CertificateInfo | null = null;
  private discoveryTlsProblem: TlsProblem | null = null;
  private readonly diagnoser: EndpointDiagnoser;
  private readonly clients = new Map<string, Etcd3>();
  /** Clients of replaced TLS material, closed once their in-flight calls had their deadline. */
  private readonly retiredClients = new Set<Etcd3>();
  private members = new Map<string, MemberState>();
  private etcdClusterId = "";
  private discoveryError: string | undefined;
  private memberListInFlight = false;
  private lastMemberListAt = 0;
  private lastScrapeAt = 0;
  private leaderlessSince: number | undefined;
  private latestHealth: ClusterHealth | undefined;
  private lastGoodSweepAt: number | undefined;
  private readonly listeners = new Set<(msg: PollerMessage) => void>();
  private readonly scrapeListeners = new Set<(scrape: MemberScrape) => void>();
  private stopped = false;
  private loop: Promise<void> | undefined;
  private publishQueued = false;
  readonly history: RingBuffer<HistoryPoint>;
  sweeps = 0;

  constructor(
    readonly config: ClusterConfig,
    private readonly eventLog: EventLog,
    private readonly known?: KnownEndpoints,
    historyMs = 60 * 60 * 1000,
  ) {
    this.tlsSource = config.tls ? new TlsMaterialSource(config.tls) : undefined;
    this.diagnoser = new EndpointDiagnoser(config.deadlineMs);
    this.refreshTls();
    this.history = new RingBuffer(Math.ceil(historyMs / HISTORY_RESOLUTION_MS));
  }

  get name(): string {
    return this.config.name ?? this.config.id;
  }

  get health(): ClusterHealth | undefined {
    return this.latestHealth;
  }

  /** Resolves with the first verdict; a fresh server answers once its first sweep is done. */
  firstHealth(): Promise<ClusterHealth> {
    const known = this.latestHealth;
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

  start(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    for (const c of [...this.clients.values(), ...this.retiredClients]) c.close();
    this.clients.clear();
    this.retiredClients.clear();
  }

  subscribe(listener: (msg: PollerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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

  /**
   * Picks up rotated certificate files. grpc-js keeps a channel's credentials for its lifetime,
   * so new material means new clients; the old ones are closed a deadline later, once the calls
   * they carry have ended.
   */
  private refreshTls(): void {
    const source = this.tlsSource;
    if (!source) return;
    const material = source.current();
    if (source.version === this.tlsVersion) return;
    this.tls = material;
    this.tlsVersion = source.version;
    this.clientCertificate = parseCertificate(material.cert);
    for (const state of this.members.values()) state.serverCertificateCheckedAt = undefined;
    if (this.clients.size === 0) return;
    const old = [...this.clients.values()];
    this.clients.clear();
    for (const c of old) this.retiredClients.add(c);
    setTimeout(() => {
      // stop() may have closed them already.
      for (const c of old) if (this.retiredClients.delete(c)) c.close();
    }, this.config.deadlineMs).unref?.();
  }

  private client(endpoint: string): Etcd3 {
    let c = this.clients.get(endpoint);
    if (!c) {
      c = createMemberClient(endpoint, this.tls);
      this.clients.set(endpoint, c);
    }
    return c;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const started = Date.now();
      try {
        await this.sweep();
      } catch (err) {
        this.discoveryError = `Poller error: ${errorText(err)}`;
      }
      const fast =
        this.leaderlessSince !== undefined && started - this.leaderlessSince < FAST_MODE_LIMIT_MS;
      const interval = fast ? FAST_INTERVAL_MS : this.config.pollIntervalMs;
      await sleep(Math.max(0, started + interval - Date.now()));
    }
  }

  /**
   * Endpoints that can answer MemberList: members that answer first, then the configured ones,
   * then every member known now or at the last run (a configured endpoint may be the one down).
   */
  private discoveryEndpoints(): string[] {
    const members = [...this.members.values()];
    const answering = members
      .filter((m) => m.probe?.kind === "reachable")
      .flatMap((m) => m.info.clientUrls.slice(0, 1));
    const known = members.flatMap((m) => m.info.clientUrls.slice(0, 1));
    return [
      ...new Set([
        ...answering,
        ...this.config.endpoints,
        ...known,
        ...(this.known?.endpoints ?? []),
      ]),
    ];
  }

  private async refreshMembers(): Promise<void> {
    if (this.memberListInFlight) return;
    this.memberListInFlight = true;
    try {
      const candidates = this.discoveryEndpoints();
      const list = await Promise.any(
        candidates.map((e) => fetchMemberList(this.client(e), this.config.deadlineMs)),
      ).catch((err: unknown) => {
        const reasons = err instanceof AggregateError ? err.errors : [err];
        throw new Error(
          `No endpoint answered MemberList (${candidates.join(", ")}): ${errorText(reasons[0])}`,
        );
      });
      const next = new Map<string, MemberState>();
      const added: MemberState[] = [];
      for (const info of list) {
        const prev = this.members.get(info.id);
        if (prev) {
          prev.info = info;
          next.set(info.id, prev);
        } else {
          const state: MemberState = { info, statusInFlight: false, scrapeInFlight: false };
          added.push(state);
          next.set(info.id, state);
        }
      }
      // A member joins the verdict only once probed, so it never shows as down for a moment.
      await Promise.all(added.map((s) => this.probe(s)));
      this.members = next;
      this.discoveryError = undefined;
      this.discoveryTlsProblem = null;
      this.lastMemberListAt = Date.now();
      this.known?.save(list.flatMap((m) => m.clientUrls.slice(0, 1)));
      this.pruneClients();
    } catch (err) {
      this.discoveryError = errorText(err);
      if (this.members.size === 0) await this.diagnoseDiscovery();
    } finally {
      this.memberListInFlight = false;
    }
  }

  /** With no member known, a TLS problem can only be shown on the discovery error itself. */
  private async diagnoseDiscovery(): Promise<void> {
    const tls = this.tls;
    if (!tls) return;
    const version = this.tlsVersion;
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
      ...[...this.members.values()].flatMap((m) => m.info.clientUrls.slice(0, 1)),
    ]);
    for (const [endpoint, c] of this.clients) {
      if (!wanted.has(endpoint)) {
        c.close();
        this.clients.delete(endpoint);
        this.diagnoser.forget(endpoint);
      }
    }
  }

  private async probe(state: MemberState): Promise<void> {
    const endpoint = state.info.clientUrls[0];
    if (!endpoint) {
      state.probe = { kind: "unreachable", error: "member has not started (no client URL yet)" };
      return;
    }
    state.statusInFlight = true;
    const t0 = performance.now();
    try {
      const { status, etcdClusterId } = await fetchStatus(
        this.client(endpoint),
        this.config.deadlineMs,
      );
      state.probe = { kind: "reachable", latencyMs: performance.now() - t0, status };
      this.etcdClusterId = etcdClusterId;
      this.diagnoser.forget(endpoint);
    } catch (err) {
      // A member that just stopped answering may have been removed: list members again soon.
      if (state.probe?.kind === "reachable") this.lastMemberListAt = 0;
      await this.explainFailure(state, endpoint, errorText(err), performance.now() - t0);
    } finally {
      state.statusInFlight = false;
    }
  }

  /**
   * Marks the member unreachable and replaces gRPC's vague error with what a direct handshake
   * finds. A call that failed fast is diagnosed before the verdict, so the first event already
   * names the problem; one that hit its deadline is diagnosed in the background, or a frozen
   * member would cost a second deadline.
   */
  private async explainFailure(
    state: MemberState,
    endpoint: string,
    error: string,
    elapsedMs: number,
  ): Promise<void> {
    const plain: MemberProbe & { kind: "unreachable" } = { kind: "unreachable", error };
    const tls = this.tls;
    if (!tls) {
      state.probe = plain;
      return;
    }
    const version = this.tlsVersion;
    const shown = diagnosed(plain, this.diagnoser.latest(endpoint, version));
    state.probe = shown;
    const pending = this.diagnoser.diagnose(endpoint, tls, version);
    if (elapsedMs < this.config.deadlineMs * 0.9) {
      state.probe = diagnosed(plain, await pending);
      return;
    }
    void pending.then((problem) => {
      if (state.probe !== shown) return;
      state.probe = diagnosed(plain, problem);
      this.queuePublish();
    });
  }

  private async checkServerCertificate(state: MemberState, endpoint: string): Promise<void> {
    const tls = this.tls;
    const now = Date.now();
    if (
      !tls ||
      (state.serverCertificateCheckedAt !== undefined &&
        now - state.serverCertificateCheckedAt < SERVER_CERT_CHECK_MS)
    ) {
      return;
    }
    state.serverCertificateCheckedAt = now;
    const { serverCertificate } = await tlsHandshake(endpoint, tls, this.config.deadlineMs);
    if (serverCertificate) state.serverCertificate = serverCertificate;
  }

  private async scrape(state: MemberState): Promise<void> {
    const endpoint = state.info.clientUrls[0];
    if (!endpoint || state.scrapeInFlight) return;
    state.scrapeInFlight = true;
    let reported = false;
    try {
      // etcd 3.4 answers /health with a quorum read through raft: a proposal every call, which
      // would show in the proposal charts as the dashboard's own traffic. Ask it rarely.
      const healthDue = Date.now() - (state.healthCheckedAt ?? 0) >= HEALTH_CHECK_INTERVAL_MS;
      const [health, metrics] = await Promise.allSettled([
        healthDue
          ? getFromMember(endpoint, "/health", this.tls, this.config.deadlineMs)
          : Promise.resolve(undefined),
        getFromMember(endpoint, "/metrics", this.tls, this.config.deadlineMs),
        this.checkServerCertificate(state, endpoint),
      ]);
      if (healthDue) state.healthCheckedAt = Date.now();
      if (health.status === "rejected") {
        state.health = { kind: "unhealthy", reason: errorText(health.reason) };
      } else if (health.value !== undefined) {
        state.health = parseHealthBody(health.value);
      }
      if (metrics.status === "fulfilled") {
        const at = Date.now();
        const series = readPrometheusSeries(metrics.value, scrapeFamilies);
        this.emitScrape({ memberId: state.info.id, at, series });
        reported = true;
        const sample = metricsSampleOf(series, at);
        const derived = deriveMemberMetrics(state.lastSample, sample);
        // etcd probes peer round trips only every 15-30 s: keep the last p99 between probes.
        derived.peerRoundTripP99Seconds = {
          ...state.metrics?.peerRoundTripP99Seconds,
          ...derived.peerRoundTripP99Seconds,
        };
        state.metrics = derived;
        state.lastSample = sample;
      } else {
        state.metrics = undefined;
        this.emitScrape({ memberId: state.info.id, at: Date.now(), series: null });
      }
    } catch {
      state.metrics = undefined;
      // Prometheus too fails a scrape whose body is not exposition text.
      if (!reported) this.emitScrape({ memberId: state.info.id, at: Date.now(), series: null });
    } finally {
      state.scrapeInFlight = false;
    }
  }

  /** One round: Status on every member, with MemberList and scrapes when due. */
  async sweep(): Promise<void> {
    this.refreshTls();
    const now = Date.now();
    if (this.members.size === 0) {
      await this.refreshMembers();
    } else if (now - this.lastMemberListAt >= this.config.scrapeIntervalMs) {
      void this.refreshMembers().then(() => this.queuePublish());
    }
    const waits: Promise<void>[] = [];
    for (const state of this.members.values()) {
      if (state.statusInFlight) continue;
      const p = this.probe(state);
      // Only members that answered last time are waited for; the others report when they can.
      if (state.probe?.kind !== "unreachable") waits.push(p);
      else void p.then(() => this.queuePublish());
    }
    await Promise.all(waits);
    if (now - this.lastScrapeAt >= this.config.scrapeIntervalMs) {
      this.lastScrapeAt = now;
      for (const state of this.members.values()) {
        void this.scrape(state);
      }
    }
    this.sweeps++;
    this.publish();
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
      members: [...this.members.values()].map((s) => ({
        member: s.info,
        endpoint: s.info.clientUrls[0] ?? "",
        probe: s.probe ?? { kind: "unreachable", error: "not probed yet" },
        ...(s.health ? { health: s.health } : {}),
        ...(s.metrics ? { metrics: s.metrics } : {}),
      })),
      ...(this.discoveryError && this.members.size === 0
        ? { discoveryError: this.discoveryError }
        : {}),
    };
  }

  private tlsObservations(): TlsObservations {
    const serverCertificates: Record<string, CertificateInfo> = {};
    for (const [id, state] of this.members) {
      if (state.serverCertificate) serverCertificates[id] = state.serverCertificate;
    }
    return {
      clientCertificate: this.clientCertificate,
      serverCertificates,
      materialProblem: this.tlsSource?.problem ?? null,
      discoveryProblem: this.members.size === 0 ? this.discoveryTlsProblem : null,
    };
  }

  private publish(): void {
    const snapshot = this.snapshot();
    const leaderChanges = this.eventLog
      .since(snapshot.observedAt - thresholds.leaderChangesWindowMs)
      .filter((e) => e.type === "leader_changed").length;
    if (snapshot.members.some((m) => m.probe.kind === "reachable")) {
      this.lastGoodSweepAt = snapshot.observedAt;
    }
    const full = computeClusterHealth({
      id: this.config.id,
      name: this.name,
      snapshot,
      leaderChangesInWindow: leaderChanges,
      applyLagThreshold: this.config.applyLagThreshold,
      pollIntervalMs: this.config.pollIntervalMs,
      lastGoodSweepAt: this.lastGoodSweepAt,
      ...(this.tlsSource ? { tls: this.tlsObservations() } : {}),
    });
    const agreed = full.leader && !full.warnings.some((w) => w.code === "LEADER_DISAGREEMENT");
    this.leaderlessSince = agreed ? undefined : (this.leaderlessSince ?? snapshot.observedAt);

    // Nothing is known before the first member list: no verdict, so no events either.
    if (this.members.size > 0) {
      const detected = detectEvents(this.eventLog.state, full);
      const written = this.eventLog.append(
        detected.events,
        detected.state,
        new Date(snapshot.observedAt),
      );
      for (const event of written) this.emit({ kind: "event", event });
    }
    const last = this.history.last();
    const point = toHistoryPoint(snapshot, full);
    if (
      last &&
      Math.floor(last.t / HISTORY_RESOLUTION_MS) === Math.floor(point.t / HISTORY_RESOLUTION_MS)
    ) {
      // Fast polling: keep one point per second, the newest.
      this.history.replaceLast(point);
    } else {
      this.history.push(point);
    }
    this.latestHealth = full;
    this.emit({ kind: "health", health: full });
  }
}
