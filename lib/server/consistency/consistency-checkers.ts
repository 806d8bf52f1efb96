import "server-only";
import type { ConsistencyReport } from "../../consistency/consistency-report";
import type { EventBody } from "../../events/cluster-event";
import type { EventLog } from "../event-log";
import { log } from "../log";
import { getPoller, getRuntime } from "../runtime";
import { ConsistencyChecker } from "./consistency-checker";

// One checker per cluster per process, on globalThis like the runtime, so routes and the
// periodic timer share its single in-flight check.
const globalForChecks = globalThis as unknown as {
  raftscopeConsistency?: Map<string, ConsistencyChecker>;
};

/** Appends a consistency event; a disk that refuses it is logged, never fails the check. */
function record(events: EventLog, clusterId: string, body: EventBody): void {
  try {
    events.append([body], events.state);
  } catch (err) {
    log.warn(`consistency event not saved: ${body.type}`, {
      cluster: clusterId,
      error: err instanceof Error ? err.message : String(err),
    });
  }
}

function mismatchEvent(report: ConsistencyReport): EventBody {
  return {
    type: "consistency_mismatch",
    revision: report.revision ?? 0,
    ...(report.checkedAt ? { checkedAt: report.checkedAt } : {}),
    members: report.members.map((m) => ({
      id: m.id,
      name: m.name,
      hash: m.hash,
      compactRevision: m.compactRevision,
    })),
  };
}

/** The consistency checker of a configured cluster; NotFoundError for an unknown id. */
export function getConsistencyChecker(clusterId: string): ConsistencyChecker {
  const poller = getPoller(clusterId);
  const checkers = globalForChecks.raftscopeConsistency ?? new Map<string, ConsistencyChecker>();
  globalForChecks.raftscopeConsistency = checkers;
  let checker = checkers.get(clusterId);
  if (!checker) {
    checker = new ConsistencyChecker({
      config: poller.config,
      health: () => poller.health,
      ...(poller.tlsSource ? { tlsSource: poller.tlsSource } : {}),
      onInconsistent: (report) => record(poller.events, clusterId, mismatchEvent(report)),
      onReport: (report) => {
        if (!poller.noteConsistency(report).cleared) return;
        record(poller.events, clusterId, {
          type: "consistency_agreed",
          revision: report.revision ?? 0,
        });
      },
    });
    checkers.set(clusterId, checker);
  }
  return checker;
}

/** Starts every cluster's periodic check (intervalMinutes 0 leaves a cluster's off). */
export function startConsistencyChecks(): void {
  for (const id of getRuntime().pollers.keys()) getConsistencyChecker(id).start();
}
