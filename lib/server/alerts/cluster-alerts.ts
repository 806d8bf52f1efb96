import "server-only";
import type { ClusterAlerts as ClusterAlertsView } from "../../alerts/alerts-view";
import { ClusterSeries } from "../../alerts/cluster-series";
import { RuleGroup } from "../../alerts/rule-group";
import type { ClusterPoller } from "../cluster-poller";

/** The first evaluation comes within this of start, whatever the evaluation interval. */
const FIRST_EVALUATION_MS = 2000;

/** What the rule evaluator needs from a poller: its scrapes, and which members exist now. */
export type ScrapeSource = Pick<ClusterPoller, "onScrape" | "health"> & {
  readonly config: { id: string; ruleEvaluationIntervalMs: number };
};

/**
 * The etcd mixin's rules for one cluster, judged once on the server for every viewer: each
 * member's scrapes are kept at full resolution, and the rules are evaluated every
 * `ruleEvaluationIntervalMs`, with pending and firing carried from one evaluation to the next as Prometheus
 * does. Viewers read `current` and hear each new state through `subscribe`.
 */
export class ClusterAlerts {
  private readonly series = new ClusterSeries();
  private readonly group = new RuleGroup();
  private readonly listeners = new Set<(alerts: ClusterAlertsView) => void>();
  private latest: ClusterAlertsView;
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private off: (() => void) | undefined;

  constructor(private readonly source: ScrapeSource) {
    this.latest = {
      clusterId: source.config.id,
      evaluatedAt: null,
      intervalMs: this.intervalMs,
      rules: this.group.view(),
    };
  }

  get intervalMs(): number {
    return this.source.config.ruleEvaluationIntervalMs;
  }

  get current(): ClusterAlertsView {
    return this.latest;
  }

  start(): void {
    if (this.timer) return;
    this.off = this.source.onScrape((s) => this.series.record(s.memberId, s.at, s.series));
    // A first judgement soon after start, then each cluster's evaluations at their own phase,
    // so a fleet's do not all run at once.
    this.first = setTimeout(() => this.evaluate(), Math.random() * FIRST_EVALUATION_MS);
    this.first.unref?.();
    this.timer = setTimeout(() => {
      this.evaluate();
      this.timer = setInterval(() => this.evaluate(), this.intervalMs);
      this.timer.unref?.();
    }, Math.random() * this.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    clearTimeout(this.first);
    clearTimeout(this.timer);
    clearInterval(this.timer);
    this.timer = undefined;
    this.off?.();
  }

  subscribe(listener: (alerts: ClusterAlertsView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One evaluation of every rule at `now` (Unix ms); published to every subscriber. */
  evaluate(now = Date.now()): ClusterAlertsView {
    const members = this.source.health?.members;
    if (members) this.series.keepOnly(new Set(members.map((m) => m.id)));
    this.latest = {
      clusterId: this.source.config.id,
      evaluatedAt: new Date(now).toISOString(),
      intervalMs: this.intervalMs,
      rules: this.group.evaluate(this.series, now),
    };
    for (const l of this.listeners) {
      try {
        l(this.latest);
      } catch {
        // One broken viewer must not stop the others from hearing.
      }
    }
    return this.latest;
  }
}
