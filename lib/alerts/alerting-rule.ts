import type { MixinRule, RuleSample } from "./mixin-rule";
import { type Labels, labelKey } from "./promql/labels";

/** Prometheus's alert states (rules/alert.go). */
export type AlertStateName = "inactive" | "pending" | "firing";

/** One alert of a rule: one label set for which the rule's expression returned an element. */
export interface ActiveAlert {
  labels: Labels;
  state: AlertStateName;
  value: number;
  /** When the expression first returned this label set, Unix ms. */
  activeAt: number;
  firedAt: number | null;
  resolvedAt: number | null;
}

/** How long a resolved firing alert is kept, as Prometheus keeps it for Alertmanager. */
const RESOLVED_RETENTION_MS = 15 * 60_000;

/**
 * A rule and its alerts across evaluations, as Prometheus's rules/alerting.go keeps them: an
 * element new to the result starts pending at that evaluation; it fires once it has been
 * active for the rule's `for:` duration (at once when that is 0); an element missing from the
 * result is dropped if it was pending, or resolved if it was firing. The etcd mixin's rules and
 * the verdict's warning rules (../health/warning-rules.ts) share it: any rule with a `forMs`.
 */
export class AlertingRule<R extends { readonly forMs: number } = MixinRule> {
  private readonly active = new Map<string, ActiveAlert>();
  /** The value expression's elements at the last evaluation. */
  samples: readonly RuleSample[] = [];

  constructor(readonly rule: R) {}

  /** Applies one evaluation's result at `t` (Unix ms). */
  update(samples: readonly RuleSample[], t: number): void {
    this.samples = samples;
    const seen = new Set<string>();
    for (const s of samples) {
      if (!s.holds) continue;
      const key = labelKey(s.labels);
      seen.add(key);
      const known = this.active.get(key);
      if (known && known.state !== "inactive") {
        known.value = s.value;
        continue;
      }
      this.active.set(key, {
        labels: s.labels,
        state: "pending",
        value: s.value,
        activeAt: t,
        firedAt: null,
        resolvedAt: null,
      });
    }
    for (const [key, alert] of this.active) {
      if (!seen.has(key)) {
        if (
          alert.state === "pending" ||
          (alert.resolvedAt !== null && t - alert.resolvedAt > RESOLVED_RETENTION_MS)
        ) {
          this.active.delete(key);
        }
        if (alert.state !== "inactive") {
          alert.state = "inactive";
          alert.resolvedAt = t;
        }
        continue;
      }
      if (alert.state === "pending" && t - alert.activeAt >= this.rule.forMs) {
        alert.state = "firing";
        alert.firedAt = t;
      }
    }
  }

  /** Alerts pending or firing now. */
  alerts(): ActiveAlert[] {
    return [...this.active.values()].filter((a) => a.state !== "inactive");
  }

  /** The rule's state: its most severe alert's, as Prometheus reports a rule. */
  state(): AlertStateName {
    const states = this.alerts().map((a) => a.state);
    return states.includes("firing")
      ? "firing"
      : states.includes("pending")
        ? "pending"
        : "inactive";
  }
}
