import { describe, expect, it } from "vitest";
import type { MemberProbe } from "../member-snapshot";
import type { CertificateInfo } from "../tls/certificate-info";
import { detectBlindness } from "./blindness";

const NOW = Date.parse("2026-11-29T12:00:00Z");
const cert = (validFrom: string, validTo: string): CertificateInfo => ({
  subject: "CN=raftscope",
  issuer: "CN=etcd-ca",
  validFrom: Date.parse(validFrom),
  validTo: Date.parse(validTo),
  subjectAltNames: [],
  fingerprint256: "AA",
  serialNumber: "01",
});
const valid = cert("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
const reachable: MemberProbe = {
  kind: "reachable",
  latencyMs: 1,
  answeredAt: NOW,
  endpoint: "https://127.0.0.1:2379",
  status: {
    memberId: "a",
    version: "3.5.30",
    dbSizeBytes: 1,
    raftIndex: 1,
    raftAppliedIndex: 1,
    raftTerm: 2,
    isLearner: false,
    alarms: [],
    errors: [],
  },
};
const refused: MemberProbe = { kind: "unreachable", error: "connect ECONNREFUSED" };
const timedOut: MemberProbe = { kind: "unreachable", error: "deadline exceeded", timedOut: true };
const base = {
  stalledMs: 0,
  stallThresholdMs: 500,
  busyShare: 0.3,
  clientCertificate: valid,
  materialProblem: null,
  now: NOW,
};

describe("detectBlindness", () => {
  it("sees the cluster when any member answers, or members are refused (they are down)", () => {
    expect(detectBlindness({ ...base, probes: [reachable, timedOut, timedOut] })).toBeUndefined();
    expect(detectBlindness({ ...base, probes: [refused, refused, refused] })).toBeUndefined();
  });

  it("is blind when Raftscope itself stalled while calls failed, not when all answered anyway", () => {
    expect(
      detectBlindness({ ...base, stalledMs: 2400, probes: [reachable, timedOut, reachable] }),
    ).toEqual({ kind: "stalled", stalledMs: 2400 });
    expect(
      detectBlindness({ ...base, stalledMs: 2400, probes: [reachable, reachable] }),
    ).toBeUndefined();
  });

  it("is blind when Raftscope's loop was saturated and every failure was a missed deadline", () => {
    // Many short tasks: no single stall, but answers waited behind Raftscope's own work.
    expect(
      detectBlindness({ ...base, busyShare: 0.97, probes: [reachable, timedOut, timedOut] }),
    ).toEqual({ kind: "overloaded", busyPercent: 97 });
    // A refused connection is the member's answer, however busy Raftscope was.
    expect(
      detectBlindness({ ...base, busyShare: 0.97, probes: [reachable, refused, timedOut] }),
    ).toBeUndefined();
    // Busy but not saturated: a missed deadline is the member's.
    expect(
      detectBlindness({ ...base, busyShare: 0.6, probes: [reachable, timedOut, reachable] }),
    ).toBeUndefined();
  });

  it("blames Raftscope's own certificate when it expired and nothing answers", () => {
    const expired = cert("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    const blind = detectBlindness({
      ...base,
      clientCertificate: expired,
      probes: [refused, refused, refused],
    });
    expect(blind?.kind).toBe("credentials");
    expect(blind && "message" in blind ? blind.message : "").toMatch(/expired on 2026-01-01/);
  });

  it("blames Raftscope's credentials when every member refuses them", () => {
    const rejected: MemberProbe = {
      kind: "unreachable",
      error: "x",
      tlsProblem: {
        kind: "client-cert-rejected",
        message: "The member rejected Raftscope's client certificate",
      },
    };
    const serverExpired: MemberProbe = {
      kind: "unreachable",
      error: "x",
      tlsProblem: { kind: "server-cert-expired", message: "m1's certificate expired" },
    };
    expect(detectBlindness({ ...base, probes: [rejected, rejected] })?.kind).toBe("credentials");
    // One member's own certificate is the member's problem, not Raftscope's.
    expect(detectBlindness({ ...base, probes: [rejected, serverExpired] })).toBeUndefined();
  });

  it("says its own network may be at fault when every member timed out at once", () => {
    expect(detectBlindness({ ...base, probes: [timedOut, timedOut, timedOut] })?.kind).toBe(
      "network",
    );
    expect(detectBlindness({ ...base, probes: [timedOut, refused, timedOut] })).toBeUndefined();
  });
});
