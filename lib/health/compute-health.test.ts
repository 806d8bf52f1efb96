import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClusterSnapshot, MemberSnapshot } from "../member-snapshot";
import { makeHealth } from "../test-factories/health-factory";
import { ids, type MemberSpec, makeCluster } from "../test-factories/member-snapshot-factory";
import type { CertificateInfo } from "../tls/certificate-info";
import type { TlsObservations } from "../tls/tls-observations";
import { clusterHealthSchema, type WarningCode } from "./cluster-health";

function health(snapshot: ClusterSnapshot, leaderChangesInWindow?: number) {
  return makeHealth(snapshot, leaderChangesInWindow !== undefined ? { leaderChangesInWindow } : {});
}

const codes = (h: ReturnType<typeof health>): WarningCode[] => h.warnings.map((w) => w.code);
const healthy = (n: number): MemberSpec[] => Array.from({ length: n }, () => ({}));

describe("computeClusterHealth: quorum and status", () => {
  it("calls a healthy 3-member cluster healthy with one failure to spare", () => {
    const h = health(makeCluster(healthy(3)));
    expect(h.status).toBe("healthy");
    expect(h.writable).toBe(true);
    expect(h.leader).toEqual({ id: ids[0], name: "m1" });
    expect(h.raftTerm).toBe(2);
    expect(h.quorum).toEqual({
      voters: 3,
      learners: 0,
      size: 2,
      healthyVoters: 3,
      margin: 1,
      tolerance: 1,
      remaining: 1,
    });
    expect(h.warnings).toEqual([]);
    expect(h.members.map((m) => m.role)).toEqual(["leader", "follower", "follower"]);
  });

  it("gives a 5-member cluster a tolerance of 2", () => {
    const h = health(makeCluster(healthy(5)));
    expect(h.quorum.size).toBe(3);
    expect(h.quorum.tolerance).toBe(2);
    expect(h.quorum.remaining).toBe(2);
  });

  it("is critical when a follower is down in a 3-member cluster: one more failure stops writes", () => {
    const h = health(makeCluster([{}, {}, { down: true }]));
    expect(h.status).toBe("critical");
    expect(h.writable).toBe(true);
    expect(h.quorum.margin).toBe(0);
    expect(h.quorum.remaining).toBe(0);
    expect(codes(h)).toContain("MEMBER_UNREACHABLE");
    expect(h.members[2]?.reachable).toBe(false);
    expect(h.members[2]?.error).toBe("context deadline exceeded");
  });

  it("is degraded when a 5-member cluster lost one member but can take another", () => {
    const h = health(makeCluster([{}, {}, {}, {}, { down: true }]));
    expect(h.status).toBe("degraded");
    expect(h.quorum.remaining).toBe(1);
  });

  it("is unavailable with margin -1 when 2 of 3 are down", () => {
    const h = health(
      makeCluster([{ status: { leaderId: undefined } }, { down: true }, { down: true }]),
    );
    expect(h.status).toBe("unavailable");
    expect(h.writable).toBe(false);
    expect(h.quorum.margin).toBe(-1);
    expect(h.quorum.remaining).toBe(0);
    expect(h.leader).toBeNull();
    expect(codes(h)).toContain("NO_LEADER");
  });

  it("never counts learners toward quorum", () => {
    const h = health(makeCluster([{}, {}, {}, { learner: true }]));
    expect(h.quorum.voters).toBe(3);
    expect(h.quorum.learners).toBe(1);
    expect(h.quorum.size).toBe(2);
    expect(h.members[3]?.role).toBe("learner");
    expect(codes(h)).not.toContain("EVEN_VOTERS");
  });

  it("does not let a down learner change the margin", () => {
    const h = health(makeCluster([{}, {}, {}, { learner: true, down: true }]));
    expect(h.quorum.margin).toBe(1);
    expect(h.status).toBe("degraded");
  });

  it("is unavailable with no leader even when every member answers", () => {
    const none = { status: { leaderId: undefined } };
    const h = health(makeCluster([none, none, none]));
    expect(h.writable).toBe(false);
    expect(h.status).toBe("unavailable");
    expect(codes(h)).toContain("NO_LEADER");
  });

  it("does not trust a leader that followers still name but that cannot be reached", () => {
    const h = health(makeCluster([{ down: true }, {}, {}]));
    expect(h.leader).toBeNull();
    expect(h.writable).toBe(false);
    expect(h.warnings.find((w) => w.code === "NO_LEADER")?.message).toMatch(/m1 is unreachable/);
  });

  it("takes the leader of the newest term; a stale leader a term behind is catching up", () => {
    const snapshot = makeCluster([
      { status: { leaderId: ids[0], raftTerm: 2 } },
      { status: { leaderId: ids[1], raftTerm: 3 } },
      { status: { leaderId: ids[1], raftTerm: 3 } },
    ]);
    const h = health(snapshot);
    expect(h.leader?.id).toBe(ids[1]);
    expect(h.leaderConfirmed).toBe(true);
    expect(h.raftTerm).toBe(3);
    expect(h.members[0]?.state).toBe("catching-up");
    expect(h.members[0]?.role).toBe("voter");
    expect(h.quorum.healthyVoters).toBe(3);
    expect(codes(h)).not.toContain("MEMBER_ISOLATED");
    // Still behind past the grace: it is cut off, and no longer counts toward quorum.
    const later = makeHealth(snapshot, {
      notFollowingSince: { [ids[0] as string]: snapshot.observedAt - 5_000 },
    });
    expect(later.warnings.find((w) => w.code === "MEMBER_ISOLATED")?.memberId).toBe(ids[0]);
    expect(later.members[0]?.state).toBe("cut-off");
    expect(later.status).toBe("critical");
  });

  it("mixes no answers from an election into quorum loss: a voter a term behind still counts", () => {
    // The new leader's fresh answer (term 8) beside a voter's answer from before the election
    // (term 7, following the old leader), with the old leader frozen.
    const h = health(
      makeCluster([
        { down: true },
        { status: { leaderId: ids[1], raftTerm: 8 } },
        { status: { leaderId: ids[0], raftTerm: 7 } },
      ]),
    );
    expect(h.leader?.id).toBe(ids[1]);
    expect(h.raftTerm).toBe(8);
    expect(h.leaderConfirmed).toBe(false);
    expect(h.writable).toBe(true);
    expect(h.quorum.margin).toBe(0);
    expect(h.members[2]?.state).toBe("catching-up");
    expect(codes(h)).not.toContain("MEMBER_ISOLATED");
  });

  it("says unknown, never failing, while Raftscope cannot see the cluster", () => {
    const h = health({
      ...makeCluster([{ down: true }, { down: true }, { down: true }]),
      blind: { kind: "credentials", message: "its client certificate expired on 2026-01-01" },
    });
    expect(h.status).toBe("unknown");
    expect(h.writable).toBeNull();
    expect(h.quorum.remaining).toBeNull();
    expect(h.quorum.healthyVoters).toBeNull();
    expect(h.members.map((m) => m.state)).toEqual(["unknown", "unknown", "unknown"]);
    expect(codes(h)).toEqual(["RAFTSCOPE_BLIND"]);
    expect(h.blind?.message).toMatch(/Raftscope cannot see the cluster: its client certificate/);
  });

  it("shows a member added but never started as not started, a voter that cannot vote", () => {
    const snapshot = makeCluster([{}, {}, {}]);
    snapshot.members.push({
      member: {
        id: "ab12",
        name: "",
        peerUrls: ["https://127.0.0.1:2480"],
        clientUrls: [],
        isLearner: false,
      },
      endpoint: "",
      probe: { kind: "not-started" },
    });
    const h = health(snapshot);
    expect(h.members[3]?.state).toBe("not-started");
    expect(h.members[3]?.stateLabel).toBe("added, not started");
    expect(h.quorum.voters).toBe(4);
    expect(h.quorum.healthyVoters).toBe(3);
    expect(codes(h)).toContain("MEMBER_NOT_STARTED");
    expect(codes(h)).not.toContain("MEMBER_UNREACHABLE");
  });

  it("does not count a reachable voter cut off from the leader (a partition) as healthy", () => {
    const snapshot = makeCluster([
      {},
      {},
      { status: { leaderId: undefined, raftTerm: 9, raftIndex: 1000 } },
    ]);
    const h = makeHealth(snapshot, {
      notFollowingSince: { [ids[2] as string]: snapshot.observedAt - 10_000 },
    });
    expect(h.leader?.id).toBe(ids[0]);
    expect(h.raftTerm).toBe(2);
    expect(h.quorum.healthyVoters).toBe(2);
    expect(h.quorum.margin).toBe(0);
    expect(h.status).toBe("critical");
    expect(h.writable).toBe(true);
    expect(h.members[2]?.reachable).toBe(true);
    expect(h.warnings.find((w) => w.code === "MEMBER_ISOLATED")?.memberId).toBe(ids[2]);
  });

  it("reports an empty cluster as unavailable instead of crashing", () => {
    const h = health({ ...makeCluster([]), discoveryError: "No endpoint answered MemberList" });
    expect(h.status).toBe("unavailable");
    expect(h.quorum.voters).toBe(0);
    expect(h.warnings[0]?.message).toMatch(/MemberList/);
  });
});

describe("computeClusterHealth: warnings", () => {
  it("warns about an even number of voters without degrading", () => {
    const h = health(makeCluster(healthy(4)));
    expect(codes(h)).toEqual(["EVEN_VOTERS"]);
    expect(h.status).toBe("healthy");
  });

  it("flags a member whose applied index lags the leader's", () => {
    const h = health(
      makeCluster([
        { status: { raftAppliedIndex: 5000 } },
        { status: { raftAppliedIndex: 3000 } },
        { status: { raftAppliedIndex: 4999 } },
      ]),
    );
    const lag = h.warnings.filter((w) => w.code === "APPLY_LAG");
    expect(lag).toHaveLength(1);
    expect(lag[0]?.memberId).toBe(ids[1]);
    expect(h.members[1]?.applyLag).toBe(2000);
    expect(h.members[0]?.applyLag).toBe(0);
  });

  it("reports NOSPACE once, on the member it was raised on, from Status.errors", () => {
    const alarms = [{ memberId: ids[2] ?? "", alarm: "NOSPACE" as const }];
    const h = health(
      makeCluster([{ status: { alarms } }, { status: { alarms } }, { status: { alarms } }]),
    );
    expect(h.warnings.filter((w) => w.code === "ALARM_NOSPACE")).toHaveLength(1);
    expect(h.members[2]?.alarms).toEqual(["NOSPACE"]);
    expect(h.members[0]?.alarms).toEqual([]);
    // etcd refuses writes under NOSPACE even with a leader and quorum.
    expect(h.writable).toBe(false);
    expect(h.status).toBe("unavailable");
  });

  it("reports CORRUPT", () => {
    const alarms = [{ memberId: ids[0] ?? "", alarm: "CORRUPT" as const }];
    expect(codes(health(makeCluster([{ status: { alarms } }, {}, {}])))).toContain("ALARM_CORRUPT");
  });

  it("warns at 80 % of the quota and is critical past 95 %", () => {
    const quota = 100 * 1024 * 1024;
    const at = (ratio: number) =>
      health(
        makeCluster([
          { status: { dbSizeBytes: quota * ratio }, metrics: { quotaBackendBytes: quota } },
          {},
          {},
        ]),
      ).warnings.find((w) => w.code === "DB_NEAR_QUOTA");
    expect(at(0.5)).toBeUndefined();
    expect(at(0.85)?.severity).toBe("warning");
    expect(at(0.96)?.severity).toBe("critical");
  });

  it("compares fsync and commit p99 with etcd's guidance", () => {
    const h = health(
      makeCluster([
        { metrics: { walFsyncP99Seconds: 0.011 } },
        { metrics: { backendCommitP99Seconds: 0.03 } },
        { metrics: { walFsyncP99Seconds: 0.009, backendCommitP99Seconds: 0.02 } },
      ]),
    );
    expect(h.warnings.filter((w) => w.code === "SLOW_FSYNC").map((w) => w.memberId)).toEqual([
      ids[0],
    ]);
    expect(h.warnings.filter((w) => w.code === "SLOW_COMMIT").map((w) => w.memberId)).toEqual([
      ids[1],
    ]);
  });

  it("warns about a slow peer link", () => {
    const h = health(
      makeCluster([{ metrics: { peerRoundTripP99Seconds: { [ids[1] ?? ""]: 0.2 } } }, {}, {}]),
    );
    expect(codes(h)).toContain("HIGH_PEER_RTT");
  });

  it("warns at 4 leader changes in 15 minutes, as etcd's alert rule does", () => {
    expect(codes(health(makeCluster(healthy(3)), 3))).not.toContain("FREQUENT_LEADER_CHANGES");
    expect(codes(health(makeCluster(healthy(3)), 4))).toContain("FREQUENT_LEADER_CHANGES");
  });

  it("notes version skew: patch differences as info, minor differences as a warning", () => {
    const patch = health(makeCluster([{}, {}, { status: { version: "3.4.22" } }]));
    expect(patch.warnings.find((w) => w.code === "VERSION_SKEW")?.severity).toBe("info");
    expect(patch.status).toBe("healthy");
    const minor = health(makeCluster([{}, {}, { status: { version: "3.5.9" } }]));
    expect(minor.warnings.find((w) => w.code === "VERSION_SKEW")?.severity).toBe("warning");
  });
});

describe("computeClusterHealth: invariants", () => {
  it("holds quorum arithmetic for any mix of up, down and learner members", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ down: fc.boolean(), learner: fc.boolean() }), {
          minLength: 1,
          maxLength: 7,
        }),
        (specs) => {
          const h = health(
            makeCluster(specs.map((s, i) => (i === 0 ? { learner: false, down: s.down } : s))),
          );
          const voters = specs.filter((s, i) => i === 0 || !s.learner).length;
          const up = specs.filter((s, i) => (i === 0 || !s.learner) && !s.down).length;
          expect(h.quorum.voters).toBe(voters);
          expect(h.quorum.size).toBe(Math.floor(voters / 2) + 1);
          expect(h.quorum.healthyVoters).toBe(up);
          expect(h.quorum.margin).toBe(up - h.quorum.size);
          expect(h.quorum.remaining).toBe(Math.max(0, h.quorum.margin ?? Number.NaN));
          expect(h.writable).toBe(!specs[0]?.down && (h.quorum.margin ?? -1) >= 0);
          if (!h.writable) expect(h.status).toBe("unavailable");
          else if (h.quorum.remaining === 0) expect(h.status).toBe("critical");
        },
      ),
    );
  });
});

describe("computeClusterHealth: TLS", () => {
  const DAY = 24 * 3600 * 1000;
  const at = makeCluster([]).observedAt;
  const certificate = (subject: string, daysLeft: number): CertificateInfo => ({
    subject,
    issuer: "CN=Raftscope harness CA",
    validFrom: at - 100 * DAY,
    validTo: at + daysLeft * DAY,
    subjectAltNames: ["DNS:localhost", "IP Address:127.0.0.1"],
    fingerprint256: "AB:CD",
    serialNumber: "1000",
  });
  const tls = (over: Partial<TlsObservations> = {}): TlsObservations => ({
    clientCertificate: certificate("CN=raftscope", 365),
    serverCertificates: {},
    materialProblem: null,
    discoveryProblem: null,
    ...over,
  });
  const withTls = (snapshot: ClusterSnapshot, observations: TlsObservations) =>
    makeHealth(snapshot, { tls: observations });

  it("adds no tls section for a cluster reached without TLS", () => {
    const h = health(makeCluster(healthy(3)));
    expect(h).not.toHaveProperty("tls");
    expect(h.members[0]).not.toHaveProperty("tlsProblem");
  });

  it("keeps a healthy cluster healthy with long-lived certificates", () => {
    const h = withTls(
      makeCluster(healthy(3)),
      tls({ serverCertificates: { [ids[0] ?? ""]: certificate("CN=m1", 3000) } }),
    );
    expect(h.status).toBe("healthy");
    expect(h.warnings).toEqual([]);
    expect(h.tls?.clientCertificate?.subject).toBe("CN=raftscope");
    expect(h.tls?.serverCertificates[ids[0] ?? ""]?.expiry).toBe("valid");
    expect(clusterHealthSchema.parse(h)).toEqual(h);
  });

  it("warns with CERT_EXPIRING 30 days before a certificate expires", () => {
    const h = withTls(
      makeCluster(healthy(3)),
      tls({
        clientCertificate: certificate("CN=raftscope", 20),
        serverCertificates: { [ids[2] ?? ""]: certificate("CN=m3", 29) },
      }),
    );
    expect(codes(h)).toEqual(["CERT_EXPIRING", "CERT_EXPIRING"]);
    expect(h.warnings[1]?.memberId).toBe(ids[2]);
    expect(h.status).toBe("degraded");
  });

  it("names a member's TLS problem in its error, its view and a TLS_PROBLEM warning", () => {
    const snapshot = makeCluster(healthy(3));
    const problem = {
      kind: "client-cert-rejected" as const,
      message: "The member at 127.0.0.1:2399 rejected Raftscope's client certificate",
    };
    snapshot.members[2] = {
      ...(snapshot.members[2] as MemberSnapshot),
      probe: { kind: "unreachable", error: problem.message, tlsProblem: problem },
    };
    const h = withTls(snapshot, tls());
    expect(h.members[2]?.tlsProblem).toBe("client-cert-rejected");
    expect(h.members[2]?.error).toBe(problem.message);
    expect(codes(h)).toEqual(["MEMBER_UNREACHABLE", "TLS_PROBLEM"]);
    expect(h.warnings.find((w) => w.code === "TLS_PROBLEM")).toMatchObject({
      severity: "critical",
      memberId: ids[2],
    });
    expect(clusterHealthSchema.parse(h)).toEqual(h);
  });

  it("never puts PEM or key material in the response", () => {
    const h = withTls(
      makeCluster(healthy(1)),
      tls({
        materialProblem: {
          kind: "key-mismatch",
          message: "The client key (tls.key) does not belong",
        },
      }),
    );
    const text = JSON.stringify(h);
    expect(text).not.toMatch(/BEGIN|PRIVATE KEY/);
    expect(codes(h)).toContain("TLS_PROBLEM");
  });
});

describe("computeClusterHealth: two config entries for one etcd cluster", () => {
  it("names the other entries and the etcd cluster ID, as information that never degrades", () => {
    const h = makeHealth(makeCluster(healthy(3)), {
      id: "stacked",
      sameEtcdClusterAs: ["external", "old-name"],
    });
    expect(h.status).toBe("healthy");
    expect(h.warnings).toEqual([
      expect.objectContaining({
        code: "DUPLICATE_ETCD_CLUSTER",
        severity: "info",
        state: "firing",
        message: expect.stringContaining(
          'Config entries "stacked" and "external", "old-name" watch the same etcd cluster (ID cdf818194e3a8c32)',
        ),
      }),
    ]);
    expect(makeHealth(makeCluster(healthy(3)), { sameEtcdClusterAs: [] }).warnings).toEqual([]);
  });
});
