import "server-only";
import type { ClusterConfig } from "../../config/config-schema";
import { detectEvents } from "../../events/detect-events";
import { LeaderChangeWindow } from "../../events/leader-change-window";
import type { ClusterHealth } from "../../health/cluster-health";
import { computeClusterHealth, type HealthInput } from "../../health/compute-health";
import { thresholds } from "../../health/thresholds";
import { verdictFingerprint } from "../../health/verdict-fingerprint";
import { WarningJudge } from "../../health/warning-judge";
import { toHistoryPoint } from "../../history/history-point";
import type { HistoryRing } from "../../history/history-ring";
import type { ClusterSnapshot } from "../../member-snapshot";
import { PEER_ROUND_TRIP_STALE_MS } from "../../metrics/peer-round-trips";
import type { EventRecorder } from "./event-recorder";

const HISTORY_RESOLUTION_MS = 1000;
/** A sweep that ends a little early still counts as the interval's verdict. */
const INTERVAL_SLACK = 0.8;

export type VerdictInput = Omit<
  HealthInput,
  | "id"
  | "name"
  | "snapshot"
  | "leaderChangesInWindow"
  | "applyLagThreshold"
  | "pollIntervalMs"
  | "notFollowingSince"
  | "stalePeerRoundTrips"
  | "eventLogProblem"
  | "judge"
>;

/**
 * Turns each snapshot into the verdict (its warnings judged by the cluster's WarningJudge, pending
 * until each rule's `for` has passed), feeds the event detector and the history, and hands the
 * verdict to viewers: at once when it changed, otherwise at most once per poll interval (fast
 * or normal), so a fault never becomes a storm of identical verdicts. Saving events never holds
 * the verdict up (see EventRecorder).
 */
export class VerdictPublisher {
  private latestHealth: ClusterHealth | undefined;
  private lastEmitted: { at: number; fingerprint: string } | undefined;
  private notFollowingSince: Record<string, number> = {};
  private readonly warningJudge = new WarningJudge();
  private readonly leaderChanges: LeaderChangeWindow;

  constructor(
    private readonly config: ClusterConfig,
    private readonly name: string,
    private readonly recorder: EventRecorder,
    private readonly history: HistoryRing,
    private readonly emit: (health: ClusterHealth) => void,
  ) {
    this.leaderChanges = new LeaderChangeWindow(
      thresholds.leaderChangesWindowMs,
      recorder.log.since(Date.now() - thresholds.leaderChangesWindowMs),
    );
  }

  get latest(): ClusterHealth | undefined {
    return this.latestHealth;
  }

  /** Computes and records the verdict of `snapshot`; `intervalMs` is the current poll interval. */
  publish(snapshot: ClusterSnapshot, input: VerdictInput, intervalMs: number): ClusterHealth {
    const leaderChanges = this.leaderChanges.countAt(snapshot.observedAt);
    const health = computeClusterHealth({
      ...input,
      id: this.config.id,
      name: this.name,
      snapshot,
      leaderChangesInWindow: leaderChanges,
      applyLagThreshold: this.config.applyLagThreshold,
      pollIntervalMs: this.config.pollIntervalMs,
      notFollowingSince: this.notFollowingSince,
      stalePeerRoundTrips: stalePeers(snapshot),
      ...(this.recorder.problem ? { eventLogProblem: this.recorder.problem } : {}),
      judge: this.warningJudge.judge,
    });
    this.notFollowingSince = Object.fromEntries(
      health.members.flatMap((m) =>
        m.notFollowingSince ? [[m.id, Date.parse(m.notFollowingSince)] as const] : [],
      ),
    );
    // Nothing is known before the first member list: no verdict to judge, so no events either.
    if (snapshot.members.length > 0) {
      const detected = detectEvents(this.recorder.state, health);
      this.leaderChanges.note(detected.events, snapshot.observedAt);
      this.recorder.record(detected.events, detected.state, new Date(snapshot.observedAt));
    }
    this.remember(snapshot, health);
    this.latestHealth = health;
    const fingerprint = verdictFingerprint(health);
    const now = Date.now();
    const last = this.lastEmitted;
    if (!last || last.fingerprint !== fingerprint || now - last.at >= intervalMs * INTERVAL_SLACK) {
      this.lastEmitted = { at: now, fingerprint };
      this.emit(health);
    }
    return health;
  }

  private remember(snapshot: ClusterSnapshot, health: ClusterHealth): void {
    const lastT = this.history.lastTime();
    const point = toHistoryPoint(snapshot, health);
    if (
      lastT !== undefined &&
      Math.floor(lastT / HISTORY_RESOLUTION_MS) === Math.floor(point.t / HISTORY_RESOLUTION_MS)
    ) {
      // Fast polling: keep one point per second, the newest.
      this.history.replaceLast(point);
    } else {
      this.history.push(point);
    }
  }
}

function stalePeers(snapshot: ClusterSnapshot): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of snapshot.members) {
    const measured = m.metrics?.peerRoundTripMeasuredAt ?? {};
    const stale = Object.entries(measured)
      .filter(([, at]) => snapshot.observedAt - at > PEER_ROUND_TRIP_STALE_MS)
      .map(([peer]) => peer);
    if (stale.length > 0) out[m.member.id] = stale;
  }
  return out;
}
