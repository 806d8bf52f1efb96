import type { BlindReason, MemberProbe } from "../member-snapshot";
import type { CertificateInfo } from "../tls/certificate-info";
import type { TlsProblem, TlsProblemKind } from "../tls/tls-diagnosis";

/** TLS problems that lie with Raftscope's own certificate, key or CA, not with a member. */
const OWN_SIDE: ReadonlySet<TlsProblemKind> = new Set([
  "client-cert-rejected",
  "client-cert-expired",
  "client-cert-not-yet-valid",
  "key-mismatch",
  "wrong-ca",
]);

export interface BlindnessInput {
  /** This sweep's probe of every member that has a client URL. */
  probes: MemberProbe[];
  /** How long Raftscope's own event loop was behind during the sweep, its stalls added up, ms. */
  stalledMs: number;
  /** A stall this long makes every deadline in the sweep meaningless; ms. */
  stallThresholdMs: number;
  /** The share of the sweep Raftscope's event loop was busy running code, 0 to 1. */
  busyShare: number;
  clientCertificate: CertificateInfo | null;
  /** Why the TLS files on disk cannot be used (unreadable key, passphrase, …). */
  materialProblem: TlsProblem | null;
  /** Epoch ms. */
  now: number;
}

/**
 * A loop busy for this share of a sweep is saturated: answers wait in the kernel's queue behind
 * Raftscope's own work, so a missed deadline says nothing about the member.
 */
export const SATURATED_SHARE = 0.9;

/**
 * Decides whether a sweep tells about the cluster or only about Raftscope. It is blind when:
 * its own event loop stalled past the threshold while calls failed; the loop was saturated
 * (busy `SATURATED_SHARE` of the sweep) and every failure was a missed deadline; no member answered and
 * the reason is its own credentials (its certificate expired, not yet valid or refused, its key
 * unusable, its CA wrong for every member); or every member ran into its deadline at once, which
 * is what Raftscope's own network failing looks like. Pure.
 */
export function detectBlindness(input: BlindnessInput): BlindReason | undefined {
  const { probes } = input;
  const failed = probes.filter(
    (p): p is MemberProbe & { kind: "unreachable" } => p.kind === "unreachable",
  );
  if (input.stalledMs >= input.stallThresholdMs && failed.length > 0) {
    return { kind: "stalled", stalledMs: input.stalledMs };
  }
  if (input.busyShare >= SATURATED_SHARE && failed.length > 0 && failed.every((p) => p.timedOut)) {
    return { kind: "overloaded", busyPercent: Math.round(input.busyShare * 100) };
  }
  if (probes.length === 0 || failed.length < probes.length) return undefined;
  if (input.materialProblem) return { kind: "credentials", message: input.materialProblem.message };
  const cert = input.clientCertificate;
  if (cert && input.now > cert.validTo) {
    return {
      kind: "credentials",
      message: `its client certificate expired on ${new Date(cert.validTo).toISOString()}`,
    };
  }
  if (cert && input.now < cert.validFrom) {
    return {
      kind: "credentials",
      message: `its client certificate is not valid before ${new Date(cert.validFrom).toISOString()}`,
    };
  }
  const problems = failed.map((p) => p.tlsProblem);
  if (problems.every((p) => p !== undefined && OWN_SIDE.has(p.kind))) {
    return {
      kind: "credentials",
      message: problems[0]?.message ?? "every member refused its credentials",
    };
  }
  if (failed.length >= 2 && failed.every((p) => p.timedOut)) {
    return {
      kind: "network",
      message: `every member stopped answering at the same moment: Raftscope's own network or host, or the whole cluster frozen`,
    };
  }
  return undefined;
}
