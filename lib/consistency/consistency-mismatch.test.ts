import { describe, expect, it } from "vitest";
import type { ClusterEvent } from "../events/cluster-event";
import { makeHealth } from "../test-factories/health-factory";
import { makeCluster } from "../test-factories/member-snapshot-factory";
import { mismatchAfter, mismatchFromEvents } from "./consistency-mismatch";
import { type ConsistencyReport, consistencyReportSchema } from "./consistency-report";
import captured34 from "./fixtures/hashkv-tampered-3.4.json";
import captured35 from "./fixtures/hashkv-tampered-3.5.json";

// Reports captured from real etcd: m3's db had one value rewritten on disk while it was stopped
// (integration/consistency.test.ts), then every voter hashed at one pinned revision.
const real = [captured34, captured35].map((c) => ({
  version: c.etcdVersion,
  clean: consistencyReportSchema.parse(c.clean),
  tampered: consistencyReportSchema.parse(c.tampered),
}));

/** A later report of the same check, with another outcome. */
function later(report: ConsistencyReport, over: Partial<ConsistencyReport>): ConsistencyReport {
  return { ...report, checkedAt: "2026-11-29T18:00:00.000Z", ...over };
}

describe.each(real)("mismatchAfter on etcd $version's answers", ({ clean, tampered }) => {
  it("names the member whose hash differs, its hash, the others' and the revision", () => {
    const m3 = tampered.members.find((m) => m.name === "m3");
    const m1 = tampered.members.find((m) => m.name === "m1");
    expect(mismatchAfter(null, tampered)).toEqual({
      revision: tampered.revision,
      checkedAt: tampered.checkedAt,
      differing: [{ id: m3?.id, name: "m3", hash: m3?.hash }],
      majorityHash: m1?.hash,
    });
  });

  it("is cleared only by a check that agrees", () => {
    const found = mismatchAfter(null, tampered);
    expect(found).not.toBeNull();
    expect(mismatchAfter(found, clean)).toBeNull();
  });

  it("stays through checks that decide nothing", () => {
    const found = mismatchAfter(null, tampered);
    const undecided: ConsistencyReport[] = [
      later(tampered, {
        outcome: "skipped",
        consistent: null,
        reason: "m3 unreachable: a check compares every voter's copy",
        revision: null,
        members: [],
      }),
      later(tampered, {
        outcome: "inconclusive",
        consistent: null,
        reason: "a compaction moved past the pinned revision in every round",
      }),
      later(tampered, {
        outcome: "inconclusive",
        consistent: null,
        reason: "not every voter answered HashKV: m3 (context deadline exceeded)",
        members: tampered.members.map((m) =>
          m.name === "m3" ? { ...m, hash: null, error: "context deadline exceeded" } : m,
        ),
      }),
    ];
    for (const report of undecided) expect(mismatchAfter(found, report)).toBe(found);
  });

  it("never fires on a check that did not decide", () => {
    const inconclusive = later(tampered, { outcome: "inconclusive", consistent: null });
    expect(mismatchAfter(null, inconclusive)).toBeNull();
    expect(mismatchAfter(null, clean)).toBeNull();
  });
});

describe("mismatchFromEvents: the warning across a restart", () => {
  const tampered = real[0]?.tampered as ConsistencyReport;
  const base = { clusterId: "demo", at: "2026-11-29T17:07:50.500Z" };
  const found: ClusterEvent = {
    ...base,
    seq: 7,
    type: "consistency_mismatch",
    revision: tampered.revision ?? 0,
    ...(tampered.checkedAt ? { checkedAt: tampered.checkedAt } : {}),
    members: tampered.members.map(({ id, name, hash, compactRevision }) => ({
      id,
      name,
      hash,
      compactRevision,
    })),
  };
  const agreed: ClusterEvent = { ...base, seq: 9, type: "consistency_agreed", revision: 40 };
  const other: ClusterEvent = {
    ...base,
    seq: 8,
    type: "quorum_regained",
    healthyVoters: 3,
    size: 2,
  };

  it("restores the last mismatch from the event log, newest first", () => {
    expect(mismatchFromEvents([other, found])).toEqual(mismatchAfter(null, tampered));
    // Events logged before the check's start was recorded: the time of the event stands in.
    const { checkedAt: _, ...older } = found as Extract<
      ClusterEvent,
      { type: "consistency_mismatch" }
    >;
    expect(mismatchFromEvents([older])?.checkedAt).toBe(found.at);
  });

  it("restores nothing once a later check agreed, or with no mismatch logged", () => {
    expect(mismatchFromEvents([agreed, other, found])).toBeNull();
    expect(mismatchFromEvents([other])).toBeNull();
  });
});

describe("mismatchAfter on a tie", () => {
  it("names every member when no group of equal hashes is largest", () => {
    const [a, b] = real[0]?.tampered.members.filter((m) => m.name !== "m1") ?? [];
    if (!a || !b) throw new Error("fixture lacks two members");
    const tie = later(real[0]?.tampered as ConsistencyReport, { members: [a, b] });
    expect(mismatchAfter(null, tie)).toMatchObject({
      majorityHash: null,
      differing: [
        { name: a.name, hash: a.hash },
        { name: b.name, hash: b.hash },
      ],
    });
  });
});

describe("the verdict's CONSISTENCY_MISMATCH warning", () => {
  const mismatch = mismatchAfter(null, real[0]?.tampered as ConsistencyReport);
  if (!mismatch) throw new Error("the captured report is a mismatch");
  const h = makeHealth(makeCluster([{}, {}, {}]), { consistencyMismatch: mismatch });
  const warning = h.warnings.find((w) => w.code === "CONSISTENCY_MISMATCH");

  it("is critical, on the member that differs, naming it and the revision", () => {
    expect(warning).toMatchObject({ severity: "critical", memberId: mismatch.differing[0]?.id });
    expect(warning?.message).toBe(
      `Members' copies differ at revision 2: m3 (hash 3981326516) — the others hash 3521830692. Checked at ${mismatch.checkedAt}; this stays until a check agrees`,
    );
    expect(h.status).toBe("degraded");
  });

  it("is absent without a mismatch", () => {
    expect(makeHealth(makeCluster([{}, {}, {}])).warnings).toEqual([]);
  });
});
