import { formatMs } from "../format/format-ms";
import type { MemberSnapshot } from "../member-snapshot";
import type { ObservedWarning } from "./cluster-health";
import { thresholds } from "./thresholds";

function displayName(snap: MemberSnapshot): string {
  return snap.member.name || snap.member.id;
}

/**
 * The warnings about one member: unreachable, apply lag, database near its quota, slow disk,
 * slow peers and failing self-checks. Thresholds come from thresholds.ts (etcd's hardware
 * guidance and the etcd mixin). `peerName` turns a peer's member id into the name shown.
 */
export function memberWarnings(
  snap: MemberSnapshot,
  lag: number | null,
  applyLagThreshold: number,
  stalePeers: ReadonlySet<string> = new Set(),
  peerName: (memberId: string) => string = (memberId) => memberId,
): ObservedWarning[] {
  const out: ObservedWarning[] = [];
  const name = displayName(snap);
  const memberId = snap.member.id;
  if (snap.probe.kind === "not-started") {
    out.push({
      code: "MEMBER_NOT_STARTED",
      severity: snap.member.isLearner ? "info" : "warning",
      memberId,
      message: `Member ${memberId} was added but has not started: it counts as a voter that cannot vote`,
    });
    return out;
  }
  if (snap.probe.kind === "unreachable") {
    out.push({
      code: "MEMBER_UNREACHABLE",
      severity: "critical",
      memberId,
      message: `Member ${name} is unreachable: ${snap.probe.error}`,
    });
    return out;
  }
  const status = snap.probe.status;
  if (lag !== null && lag > applyLagThreshold) {
    out.push({
      code: "APPLY_LAG",
      severity: "warning",
      memberId,
      message: `Member ${name} has applied ${lag} entries fewer than the leader`,
    });
  }
  const m = snap.metrics;
  const quota = m?.quotaBackendBytes ?? thresholds.defaultQuotaBackendBytes;
  const ratio = status.dbSizeBytes / quota;
  if (ratio >= thresholds.dbQuotaWarnRatio) {
    out.push({
      code: "DB_NEAR_QUOTA",
      severity: ratio >= thresholds.dbQuotaCriticalRatio ? "critical" : "warning",
      memberId,
      message: `Member ${name}'s database is at ${Math.round(ratio * 100)}% of its ${formatMiB(quota)} quota`,
    });
  }
  if (m?.walFsyncP99Seconds !== undefined && m.walFsyncP99Seconds > thresholds.walFsyncP99Seconds) {
    out.push({
      code: "SLOW_FSYNC",
      severity: "warning",
      memberId,
      message: `Member ${name}'s WAL fsync p99 is ${formatMs(m.walFsyncP99Seconds)} (etcd recommends under ${formatMs(thresholds.walFsyncP99Seconds)})`,
    });
  }
  if (
    m?.backendCommitP99Seconds !== undefined &&
    m.backendCommitP99Seconds > thresholds.backendCommitP99Seconds
  ) {
    out.push({
      code: "SLOW_COMMIT",
      severity: "warning",
      memberId,
      message: `Member ${name}'s backend commit p99 is ${formatMs(m.backendCommitP99Seconds)} (etcd recommends under ${formatMs(thresholds.backendCommitP99Seconds)})`,
    });
  }
  for (const [peer, rtt] of Object.entries(m?.peerRoundTripP99Seconds ?? {})) {
    if (rtt > thresholds.peerRoundTripP99Seconds && !stalePeers.has(peer)) {
      out.push({
        code: "HIGH_PEER_RTT",
        severity: "warning",
        memberId,
        message: `Round trip from ${name} to peer ${peerName(peer)} is ${formatMs(rtt)} at p99 (above ${formatMs(thresholds.peerRoundTripP99Seconds)})`,
      });
    }
  }
  const failing = (snap.selfChecks ?? []).filter(
    // A learner fails /readyz's non_learner check by design.
    (c) => !c.ok && !(snap.member.isLearner && c.name === "non_learner"),
  );
  if (failing.length > 0) {
    out.push({
      code: "MEMBER_NOT_READY",
      severity: "warning",
      memberId,
      message: `Member ${name} reports failing checks: ${failing
        .map((c) => `${c.name}${c.detail ? ` (${c.detail})` : ""}`)
        .join(", ")}`,
    });
  }
  return out;
}

function formatMiB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}
