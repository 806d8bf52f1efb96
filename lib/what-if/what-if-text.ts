import type { WhatIfVerdict } from "./evaluate-what-if";
import type { FailureImpact } from "./resolve-failures";

export interface WhatIfText {
  /** The verdict in a few words: does quorum hold, do writes work. */
  headline: string;
  /** How many more failures it could then take, and why it is what it is. */
  details: string[];
}

const members = (n: number) => `${n} more member${n === 1 ? "" : "s"}`;

/** The what-if verdict as an operator reads it. */
export function whatIfText(verdict: WhatIfVerdict, impact?: FailureImpact): WhatIfText {
  const q = verdict.quorum;
  const details: string[] = [];
  let headline: string;
  if (q.voters === 0) {
    headline = "No voters known: nothing to evaluate";
  } else if (!verdict.quorumHolds) {
    headline = "Quorum lost: writes would fail";
    details.push(`${q.healthyVoters} of ${q.voters} voters left; ${q.size} are needed.`);
  } else {
    headline =
      q.remaining === 0
        ? "Quorum holds, but one more failure would stop writes"
        : `Quorum holds: could then lose ${members(q.remaining)}`;
    details.push(`${q.healthyVoters} of ${q.voters} voters left; ${q.size} are needed.`);
    if (verdict.leaderFails) {
      details.push("The leader fails: writes pause until the others elect a new one.");
    }
  }
  if (verdict.alreadyDownVoters.length > 0) {
    details.push(`Already down, so no change: ${verdict.alreadyDownVoters.join(", ")}.`);
  }
  if (verdict.failedLearners.length > 0) {
    details.push(`Learners do not vote: ${verdict.failedLearners.join(", ")} change nothing.`);
  }
  if (impact) {
    const total =
      impact.apiServersDown.length +
      impact.apiServersCutOff.length +
      impact.apiServersServing.length;
    if (total > 0) {
      const serving = verdict.quorumHolds ? impact.apiServersServing.length : 0;
      details.push(`${serving} of ${total} API servers could still serve writes.`);
    }
    if (impact.apiServersDown.length > 0) {
      details.push(`Down with their node: ${impact.apiServersDown.join(", ")}.`);
    }
    if (impact.apiServersCutOff.length > 0) {
      details.push(`Cut off from every etcd endpoint: ${impact.apiServersCutOff.join(", ")}.`);
    }
    if (impact.unknown.length > 0) {
      details.push(`Not in this cluster, ignored: ${impact.unknown.join(", ")}.`);
    }
  }
  return { headline, details };
}
