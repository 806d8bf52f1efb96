import type {
  CertificateSummary,
  ObservedWarning,
  TlsProblemView,
  TlsView,
} from "../health/cluster-health";
import type { MemberSnapshot } from "../member-snapshot";
import type { CertificateInfo } from "./certificate-info";
import { expiryWarning } from "./expiry";
import { isCertificateProblem } from "./is-certificate-problem";
import type { TlsProblem, TlsProblemKind } from "./tls-diagnosis";
import type { TlsObservations } from "./tls-observations";

const DAY_MS = 24 * 3600 * 1000;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function summary(info: CertificateInfo, now: number): CertificateSummary {
  const warning = expiryWarning(info, now);
  return {
    subject: info.subject,
    issuer: info.issuer,
    validFrom: iso(info.validFrom),
    validTo: iso(info.validTo),
    subjectAltNames: info.subjectAltNames,
    fingerprint256: info.fingerprint256,
    serialNumber: info.serialNumber,
    expiry: warning?.kind ?? "valid",
    daysLeft: Math.floor((info.validTo - now) / DAY_MS),
  };
}

function problemView(problem: TlsProblem | null): TlsProblemView | null {
  return problem ? { kind: problem.kind, message: problem.message } : null;
}

function expiryMessage(whose: string, info: CertificateInfo, now: number): ObservedWarning | null {
  const warning = expiryWarning(info, now);
  if (!warning) return null;
  const cert = `${whose} (${info.subject})`;
  switch (warning.kind) {
    case "expiring": {
      const left =
        warning.daysLeft === 0
          ? "within a day"
          : `in ${warning.daysLeft} day${warning.daysLeft === 1 ? "" : "s"}`;
      return {
        code: "CERT_EXPIRING",
        severity: "warning",
        message: `${cert} expires ${left}, on ${iso(info.validTo)}`,
      };
    }
    case "expired":
      return {
        code: "CERT_EXPIRING",
        severity: "critical",
        message: `${cert} expired on ${iso(info.validTo)}`,
      };
    case "not-yet-valid":
      return {
        code: "CERT_EXPIRING",
        severity: "critical",
        message: `${cert} is not valid before ${iso(info.validFrom)}; check the clocks`,
      };
  }
}

const CLIENT_DATE_PROBLEMS: ReadonlySet<TlsProblemKind> = new Set([
  "client-cert-expired",
  "client-cert-not-yet-valid",
]);
const SERVER_DATE_PROBLEMS: ReadonlySet<TlsProblemKind> = new Set([
  "server-cert-expired",
  "server-cert-not-yet-valid",
]);

/**
 * The TLS part of the health verdict: certificate summaries for viewers, CERT_EXPIRING from 30
 * days before a certificate expires, and TLS_PROBLEM for members a handshake found a
 * certificate or key problem with. A date problem already reported as a member's TLS problem
 * is not reported again as an expiry. Pure; `now` is the snapshot's time.
 */
export function tlsHealth(
  tls: TlsObservations,
  members: MemberSnapshot[],
  now: number,
): { view: TlsView; warnings: ObservedWarning[] } {
  const warnings: ObservedWarning[] = [];
  const problems = new Map<string, TlsProblem>();
  for (const snap of members) {
    if (snap.probe.kind === "unreachable" && snap.probe.tlsProblem) {
      problems.set(snap.member.id, snap.probe.tlsProblem);
    }
  }
  const nameOf = (id: string) => {
    const member = members.find((s) => s.member.id === id)?.member;
    return member?.name || id;
  };

  if (tls.materialProblem) {
    warnings.push({
      code: "TLS_PROBLEM",
      severity: "warning",
      message: tls.materialProblem.message,
    });
  }
  if (tls.discoveryProblem && isCertificateProblem(tls.discoveryProblem.kind)) {
    warnings.push({
      code: "TLS_PROBLEM",
      severity: "critical",
      message: tls.discoveryProblem.message,
    });
  }
  for (const [memberId, problem] of problems) {
    if (!isCertificateProblem(problem.kind)) continue;
    warnings.push({
      code: "TLS_PROBLEM",
      severity: "critical",
      memberId,
      message: `Member ${nameOf(memberId)}: ${problem.message}`,
    });
  }

  const reported = [...problems.values()].map((p) => p.kind);
  if (tls.clientCertificate && !reported.some((k) => CLIENT_DATE_PROBLEMS.has(k))) {
    const w = expiryMessage("Raftscope's client certificate", tls.clientCertificate, now);
    if (w) warnings.push(w);
  }
  const serverCertificates: Record<string, CertificateSummary> = {};
  for (const [memberId, info] of Object.entries(tls.serverCertificates)) {
    serverCertificates[memberId] = summary(info, now);
    const problem = problems.get(memberId);
    if (problem && SERVER_DATE_PROBLEMS.has(problem.kind)) continue;
    const w = expiryMessage(`Member ${nameOf(memberId)}'s server certificate`, info, now);
    if (w) warnings.push({ ...w, memberId });
  }

  return {
    view: {
      clientCertificate: tls.clientCertificate ? summary(tls.clientCertificate, now) : null,
      serverCertificates,
      materialProblem: problemView(tls.materialProblem),
      discoveryProblem: problemView(tls.discoveryProblem),
    },
    warnings,
  };
}
