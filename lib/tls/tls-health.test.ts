import { describe, expect, it } from "vitest";
import type { MemberSnapshot } from "../member-snapshot";
import { ids, makeCluster } from "../test-factories/member-snapshot-factory";
import type { CertificateInfo } from "./certificate-info";
import type { TlsProblem } from "./tls-diagnosis";
import { tlsHealth } from "./tls-health";
import type { TlsObservations } from "./tls-observations";

const DAY = 24 * 3600 * 1000;
const NOW = 1_700_000_000_000;

function cert(subject: string, daysLeft: number, over: Partial<CertificateInfo> = {}) {
  return {
    subject,
    issuer: "CN=Raftscope harness CA",
    validFrom: NOW - 365 * DAY,
    validTo: NOW + daysLeft * DAY,
    subjectAltNames: ["DNS:localhost", "IP Address:127.0.0.1"],
    fingerprint256: "AB:CD",
    serialNumber: "1A2B",
    ...over,
  } satisfies CertificateInfo;
}

function observations(over: Partial<TlsObservations> = {}): TlsObservations {
  return {
    clientCertificate: cert("CN=raftscope", 365),
    serverCertificates: {},
    materialProblem: null,
    discoveryProblem: null,
    ...over,
  };
}

function withProblem(members: MemberSnapshot[], i: number, problem: TlsProblem): MemberSnapshot[] {
  return members.map((m, j) =>
    j === i
      ? { ...m, probe: { kind: "unreachable", error: problem.message, tlsProblem: problem } }
      : m,
  );
}

const codes = (r: ReturnType<typeof tlsHealth>) => r.warnings.map((w) => w.code);

describe("tlsHealth", () => {
  it("summarises certificates with ISO dates and days left, and stays quiet when all is well", () => {
    const r = tlsHealth(
      observations({ serverCertificates: { [ids[0] ?? ""]: cert("CN=m1", 3650) } }),
      makeCluster([{}, {}, {}]).members,
      NOW,
    );
    expect(r.warnings).toEqual([]);
    expect(r.view.clientCertificate).toEqual({
      subject: "CN=raftscope",
      issuer: "CN=Raftscope harness CA",
      validFrom: new Date(NOW - 365 * DAY).toISOString(),
      validTo: new Date(NOW + 365 * DAY).toISOString(),
      subjectAltNames: ["DNS:localhost", "IP Address:127.0.0.1"],
      fingerprint256: "AB:CD",
      serialNumber: "1A2B",
      expiry: "valid",
      daysLeft: 365,
    });
    expect(r.view.serverCertificates[ids[0] ?? ""]?.daysLeft).toBe(3650);
  });

  it("warns 30 days before the client certificate expires", () => {
    const r = tlsHealth(
      observations({ clientCertificate: cert("CN=raftscope", 12) }),
      makeCluster([{}]).members,
      NOW,
    );
    expect(r.warnings).toEqual([
      {
        code: "CERT_EXPIRING",
        severity: "warning",
        message: `Raftscope's client certificate (CN=raftscope) expires in 12 days, on ${new Date(NOW + 12 * DAY).toISOString()}`,
      },
    ]);
    expect(r.view.clientCertificate?.expiry).toBe("expiring");
  });

  it("warns per member about server certificates, critically once expired", () => {
    const r = tlsHealth(
      observations({
        serverCertificates: {
          [ids[0] ?? ""]: cert("CN=m1", 1),
          [ids[1] ?? ""]: cert("CN=m2", -3),
          [ids[2] ?? ""]: cert("CN=m3", 400),
        },
      }),
      makeCluster([{}, {}, {}]).members,
      NOW,
    );
    expect(r.warnings.map((w) => [w.memberId, w.severity])).toEqual([
      [ids[0], "warning"],
      [ids[1], "critical"],
    ]);
    expect(r.warnings[0]?.message).toMatch(
      /^Member m1's server certificate \(CN=m1\) expires in 1 day,/,
    );
    expect(r.warnings[1]?.message).toMatch(/^Member m2's server certificate \(CN=m2\) expired on /);
    expect(r.view.serverCertificates[ids[1] ?? ""]?.expiry).toBe("expired");
    expect(r.view.serverCertificates[ids[1] ?? ""]?.daysLeft).toBe(-3);
  });

  it("raises TLS_PROBLEM for a member with a certificate problem, not for one that is down", () => {
    let members = makeCluster([{}, {}, {}]).members;
    members = withProblem(members, 1, { kind: "wrong-ca", message: "not signed by the CA" });
    members = withProblem(members, 2, { kind: "connection-refused", message: "refused" });
    const r = tlsHealth(observations(), members, NOW);
    expect(r.warnings).toEqual([
      {
        code: "TLS_PROBLEM",
        severity: "critical",
        memberId: ids[1],
        message: "Member m2: not signed by the CA",
      },
    ]);
  });

  it("does not repeat an expired certificate a member's TLS problem already names", () => {
    let members = makeCluster([{}, {}]).members;
    members = withProblem(members, 0, { kind: "server-cert-expired", message: "m1 expired" });
    members = withProblem(members, 1, { kind: "client-cert-expired", message: "ours expired" });
    const r = tlsHealth(
      observations({
        clientCertificate: cert("CN=raftscope", -1),
        serverCertificates: { [ids[0] ?? ""]: cert("CN=m1", -2) },
      }),
      members,
      NOW,
    );
    expect(codes(r)).toEqual(["TLS_PROBLEM", "TLS_PROBLEM"]);
    expect(r.view.serverCertificates[ids[0] ?? ""]?.expiry).toBe("expired");
  });

  it("reports unusable files on disk and a discovery that failed over TLS", () => {
    const r = tlsHealth(
      observations({
        materialProblem: { kind: "key-mismatch", message: "key does not match" },
        discoveryProblem: { kind: "wrong-ca", message: "not signed" },
      }),
      [],
      NOW,
    );
    expect(r.warnings).toEqual([
      { code: "TLS_PROBLEM", severity: "warning", message: "key does not match" },
      { code: "TLS_PROBLEM", severity: "critical", message: "not signed" },
    ]);
    expect(r.view.materialProblem).toEqual({ kind: "key-mismatch", message: "key does not match" });
  });
});
