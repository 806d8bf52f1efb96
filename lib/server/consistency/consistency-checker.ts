import "server-only";
import {
  type ClusterConfig,
  type ConsistencyCheckConfig,
  consistencyCheckSchema,
} from "../../config/config-schema";
import { checkGuard } from "../../consistency/check-guard";
import type { ConsistencyReport, MemberHash } from "../../consistency/consistency-report";
import type { ClusterHealth, MemberView } from "../../health/cluster-health";
import { createMemberClient } from "../etcd/member-client";
import type { TlsMaterialSource } from "../tls/tls-material-source";
import { hashRound, type RoundResult, type RoundTarget } from "./consistency-round";

/** Rounds per check: a compaction or a first disagreement starts another, at a new revision. */
const MAX_ROUNDS = 3;
/** An on-demand check this soon after the last one answers with the last one. */
const MIN_GAP_MS = 5_000;

export interface ConsistencyCheckerOptions {
  config: Pick<ClusterConfig, "id" | "deadlineMs" | "consistencyCheck">;
  health: () => ClusterHealth | undefined;
  tlsSource?: TlsMaterialSource;
  /** Told of a confirmed mismatch, once per check that finds one. */
  onInconsistent?: (report: ConsistencyReport) => void;
  /** Told of every finished check, whatever its outcome (the verdict's mismatch warning). */
  onReport?: (report: ConsistencyReport) => void;
}

type Trigger = "periodic" | "on-demand";
type Outcome = Pick<
  ConsistencyReport,
  "outcome" | "consistent" | "reason" | "revision" | "members"
>;

function unhashed(m: MemberView, error: string): MemberHash {
  return {
    id: m.id,
    name: m.name,
    hash: null,
    compactRevision: null,
    hashRevision: null,
    durationMs: null,
    error,
  };
}

function skippedMember(m: MemberView): MemberHash | null {
  // etcd rejects HashKV from learners (isRPCSupportedForLearner), and counts it as a failure.
  if (m.role === "learner") return unhashed(m, "not asked: learners do not serve HashKV");
  if (!m.reachable) return unhashed(m, `not asked: unreachable (${m.error ?? "no answer"})`);
  return null;
}

/**
 * Compares every voter's HashKV at one pinned revision, on demand and periodically, for one
 * cluster. Read-only: Status and HashKV only, each with a deadline, on clients of its own made
 * from the poller's certificate source and closed after each check. One check at a time; a
 * request during a check joins it.
 */
export class ConsistencyChecker {
  private latestReport: ConsistencyReport | undefined;
  private inFlight: Promise<ConsistencyReport> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextAt: number | undefined;
  private finishedAt = 0;

  constructor(private readonly opts: ConsistencyCheckerOptions) {}

  private get settings(): ConsistencyCheckConfig {
    return this.opts.config.consistencyCheck ?? consistencyCheckSchema.parse({});
  }

  /** The latest report, or a "never" report before the first check. */
  get latest(): ConsistencyReport {
    const base = this.latestReport ?? {
      checkedAt: null,
      revision: null,
      members: [],
      consistent: null,
      outcome: "never" as const,
      reason: null,
      trigger: null,
      attempts: 0,
    };
    return {
      ...base,
      running: this.inFlight !== undefined,
      nextCheckAt: this.nextAt ? new Date(this.nextAt).toISOString() : null,
    };
  }

  /** Periodic checks every `intervalMinutes`; none when it is 0. */
  start(): void {
    const minutes = this.settings.intervalMinutes;
    if (minutes <= 0 || this.timer) return;
    const schedule = () => {
      this.nextAt = Date.now() + minutes * 60_000;
      this.timer = setTimeout(() => {
        void this.run("periodic").finally(schedule);
      }, minutes * 60_000);
      this.timer.unref?.();
    };
    schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAt = undefined;
  }

  /** Runs a check now, or joins the one running; right after one, answers with it. */
  run(trigger: Trigger): Promise<ConsistencyReport> {
    if (this.inFlight) return this.inFlight;
    if (trigger === "on-demand" && this.latestReport && Date.now() - this.finishedAt < MIN_GAP_MS) {
      return Promise.resolve(this.latest);
    }
    this.inFlight = this.check(trigger).finally(() => {
      this.inFlight = undefined;
      this.finishedAt = Date.now();
    });
    return this.inFlight;
  }

  private async check(trigger: Trigger): Promise<ConsistencyReport> {
    const started = new Date().toISOString();
    const health = this.opts.health();
    const guard = checkGuard(health, this.settings.maxDbSizeBytes);
    if (guard || !health) {
      return this.finish(trigger, started, 0, {
        outcome: "skipped",
        consistent: null,
        reason: guard ?? "no verdict yet",
        revision: null,
        members: [],
      });
    }
    const skipped = health.members.flatMap((m) => skippedMember(m) ?? []);
    const tls = this.opts.tlsSource?.current();
    const targets: RoundTarget[] = health.members
      .filter((m) => skippedMember(m) === null)
      .map((member) => ({
        member,
        client: createMemberClient(member.clientUrls[0] ?? member.endpoint, tls),
      }));
    try {
      let attempts = 0;
      let earlierDifference: RoundResult | undefined;
      for (;;) {
        attempts++;
        const round = await hashRound(
          targets,
          this.opts.config.deadlineMs,
          this.settings.hashDeadlineMs,
        );
        const outcome = this.judge(round, earlierDifference, attempts);
        if (outcome === "again") {
          if (round.kind === "hashed" && round.comparison.kind === "differ")
            earlierDifference = round;
          continue;
        }
        const members = [...outcome.members, ...skipped];
        return this.finish(trigger, started, attempts, { ...outcome, members });
      }
    } finally {
      for (const t of targets) t.client.close();
    }
  }

  /** What one round means, or "again" for a new round at a new revision. */
  private judge(
    round: RoundResult,
    earlier: RoundResult | undefined,
    attempts: number,
  ): Outcome | "again" {
    const last = attempts >= MAX_ROUNDS;
    if (round.kind !== "hashed") {
      return {
        outcome: "inconclusive",
        consistent: null,
        reason: round.reason,
        revision: null,
        members: [],
      };
    }
    const base = { revision: round.revision, members: round.answers };
    const c = round.comparison;
    if (round.compactedPast || c.kind === "compaction-moved") {
      if (!last) return "again";
      return {
        ...base,
        outcome: "inconclusive",
        consistent: null,
        reason: "a compaction moved past the pinned revision in every round",
      };
    }
    if (c.kind === "too-few") {
      return {
        ...base,
        outcome: "inconclusive",
        consistent: null,
        reason: `only ${c.answered} member(s) answered HashKV: nothing to compare`,
      };
    }
    if (c.kind === "incomplete") {
      const names = round.answers
        .filter((a) => c.failed.some((f) => f.id === a.id))
        .map((a) => `${a.name} (${a.error ?? "no hash"})`);
      return {
        ...base,
        outcome: "inconclusive",
        consistent: null,
        reason: `not every voter answered HashKV: ${names.join(", ")}`,
      };
    }
    if (c.kind === "agree") {
      const reason =
        earlier?.kind === "hashed"
          ? `hashes differed at revision ${earlier.revision} and agreed at ${round.revision}`
          : null;
      return { ...base, outcome: "consistent", consistent: true, reason };
    }
    // A first disagreement is confirmed at a new revision before it is called one.
    if (!earlier && !last) return "again";
    const odd = c.groups.slice(1).flatMap((g) => g.memberIds);
    const names = round.answers.filter((a) => odd.includes(a.id)).map((a) => a.name);
    return {
      ...base,
      outcome: "inconsistent",
      consistent: false,
      reason: `hashes differ at revision ${round.revision} under the same compact revision: ${names.join(", ")} disagree${names.length === 1 ? "s" : ""} with the others`,
    };
  }

  private finish(
    trigger: Trigger,
    checkedAt: string,
    attempts: number,
    o: Outcome,
  ): ConsistencyReport {
    this.latestReport = { ...o, checkedAt, trigger, attempts, running: false, nextCheckAt: null };
    const report = { ...this.latest, running: false };
    if (o.outcome === "inconsistent") this.opts.onInconsistent?.(report);
    this.opts.onReport?.(report);
    return report;
  }
}
