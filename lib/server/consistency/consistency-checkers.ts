import "server-only";
import type { ConsistencyReport } from "../../consistency/consistency-report";
import type { EventLog } from "../event-log";
import { getPoller, getRuntime } from "../runtime";
import { ConsistencyChecker } from "./consistency-checker";

// One checker per cluster per process, on globalThis like the runtime, so routes and the
// periodic timer share its single in-flight check.
const globalForChecks = globalThis as unknown as {
  raftscopeConsistency?: Map<string, ConsistencyChecker>;
};

function recordMismatch(events: EventLog, report: ConsistencyReport): void {
  events.append(
    [
      {
        type: "consistency_mismatch",
        revision: report.revision ?? 0,
        members: report.members.map((m) => ({
          id: m.id,
          name: m.name,
          hash: m.hash,
          compactRevision: m.compactRevision,
        })),
      },
    ],
    events.state,
  );
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
      onInconsistent: (report) => recordMismatch(poller.events, report),
      onReport: (report) => poller.noteConsistency(report),
    });
    checkers.set(clusterId, checker);
  }
  return checker;
}

/** Starts every cluster's periodic check (intervalMinutes 0 leaves a cluster's off). */
export function startConsistencyChecks(): void {
  for (const id of getRuntime().pollers.keys()) getConsistencyChecker(id).start();
}
