import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { type VerdictMetricKey, verdictMetrics } from "../../exposition/metric-definitions";
import { verdictSamples } from "../../exposition/verdict-samples";
import type { ClusterPoller } from "../cluster-poller";

type GaugeKey = Exclude<VerdictMetricKey, "clusterLeaderChanges">;

/**
 * Raftscope's verdict and its own process as Prometheus metrics (prom-client). Gauges are
 * rebuilt from each poller's latest verdict at every scrape, so a removed member or cluster
 * leaves no stale series; leader changes are counted as the pollers report them.
 */
export class VerdictExporter {
  readonly registry = new Registry();
  private readonly gauges = new Map<GaugeKey, Gauge<string>>();
  private readonly leaderChanges: Counter<string>;

  constructor(private readonly pollers: ReadonlyMap<string, ClusterPoller>) {
    // process_* (CPU, RSS, open fds) and nodejs_* (heap, GC, event-loop lag and its p50/p90/p99).
    collectDefaultMetrics({ register: this.registry });
    for (const [key, def] of Object.entries(verdictMetrics) as [
      VerdictMetricKey,
      (typeof verdictMetrics)[VerdictMetricKey],
    ][]) {
      if (key === "clusterLeaderChanges") continue;
      this.gauges.set(
        key,
        new Gauge({
          name: def.name,
          help: def.help,
          labelNames: [...def.labelNames],
          registers: [this.registry],
        }),
      );
    }
    const def = verdictMetrics.clusterLeaderChanges;
    this.leaderChanges = new Counter({
      name: def.name,
      help: def.help,
      labelNames: [...def.labelNames],
      registers: [this.registry],
    });
    for (const [id, poller] of pollers) {
      // Present from the start at 0, so increase() sees the first change.
      this.leaderChanges.inc({ cluster: id }, 0);
      poller.subscribe((msg) => {
        if (msg.kind === "event" && msg.event.type === "leader_changed") {
          this.leaderChanges.inc({ cluster: id });
        }
      });
    }
  }

  /** The exposition text (Prometheus text format 0.0.4) as of `nowMs`. */
  async metrics(nowMs: number = Date.now()): Promise<string> {
    for (const gauge of this.gauges.values()) gauge.reset();
    for (const [id, poller] of this.pollers) {
      for (const s of verdictSamples({ id, name: poller.name }, poller.health, nowMs)) {
        this.gauges.get(s.metric as GaugeKey)?.set(s.labels, s.value);
      }
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
