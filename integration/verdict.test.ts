import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "../harness/etcd-cluster";
import type { ClusterEvent } from "../lib/events/cluster-event";
import { thresholds } from "../lib/health/thresholds";
import {
  DashboardUnderTest,
  eventsSince,
  expectVerdict,
  healthUntil,
  lastSeq,
} from "./fault-matrix-support";

// The verdict against elections, Raftscope's own stall and membership changes, on whichever
// etcd RAFTSCOPE_ETCD_VERSION names (npm test runs this file on 3.4 and on 3.5).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Leader freezes in the election test; RAFTSCOPE_FREEZE_ROUNDS=10 for the long check. */
const FREEZE_ROUNDS = Number(process.env.RAFTSCOPE_FREEZE_ROUNDS ?? 4);

describe("the verdict on a 3-member cluster", () => {
  let cluster: EtcdCluster;
  let dash: DashboardUnderTest;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-verdict-")),
    });
    dash = await DashboardUnderTest.start(cluster);
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
  });

  afterAll(async () => {
    await dash?.server.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("records each election once, with etcd's own term, and no quorum loss, when the leader is frozen and thawed", async () => {
    const startedAt = Date.now();
    const from = await lastSeq(dash);
    for (let round = 0; round < FREEZE_ROUNDS; round++) {
      const old = await cluster.waitForLeader();
      cluster.freeze(old);
      await cluster.waitForLeader({ exclude: old, timeoutMs: 15_000 });
      await sleep(2_500);
      cluster.thaw(old);
      await expectVerdict(dash, cluster, { withinMs: 10_000 });
    }
    await sleep(1_500);
    const events = await eventsSince(dash, from);
    const elections = cluster.electionsSince(startedAt);
    const changes = events.filter((e) => e.type === "leader_changed");
    expect(changes.map((e) => [e.to.name, e.term])).toEqual(
      elections.map((e) => [e.member, e.term]),
    );
    const types = new Set(events.map((e) => e.type));
    for (const wrong of ["quorum_lost", "term_changed", "member_isolated"]) {
      expect(
        types.has(wrong as ClusterEvent["type"]),
        `${wrong} in ${JSON.stringify(events)}`,
      ).toBe(false);
    }
    const h = await dash.health();
    expect(h.raftTerm).toBe(elections.at(-1)?.term);
  });

  it("records nothing about the cluster when Raftscope itself stalls", async () => {
    await expectVerdict(dash, cluster);
    const from = await lastSeq(dash);
    const pid = dash.server.process.pid as number;
    // Frozen, every call to etcd overruns its deadline at once, as when the event loop starves.
    process.kill(pid, "SIGSTOP");
    await sleep(3_000);
    process.kill(pid, "SIGCONT");
    await sleep(4_000);
    const events = await eventsSince(dash, from);
    expect(events).toEqual([]);
    const h = await dash.health();
    const byName = [...h.members].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((m) => [m.name, m.reachable, m.state])).toEqual(
      cluster.members
        .map((m) => m.name)
        .sort()
        .map((name) => [name, true, expect.stringMatching(/^(leading|following)$/)]),
    );
    expect(h.quorum.remaining).toBe(1);
  });

  it("draws the survivor of 2 stopped members as alive with no leader, as its own checks say", async () => {
    const leader = await cluster.waitForLeader();
    const followers = cluster.members.filter((m) => m.name !== leader).map((m) => m.name);
    for (const f of followers) await cluster.stop(f);
    const h = await healthUntil(
      dash,
      (x) =>
        x.members.find((m) => m.name === leader)?.state === "no-leader" &&
        (x.members.find((m) => m.name === leader)?.selfChecks.some((c) => !c.ok) ?? false),
      30_000,
    );
    const survivor = h.members.find((m) => m.name === leader);
    expect(survivor?.stateLabel).toBe("alive, no leader");
    expect(survivor?.reachable).toBe(true);
    expect(h.writable).toBe(false);
    expect(h.quorum.healthyVoters).toBe(1);
    expect(h.warnings.map((w) => w.code)).toContain("MEMBER_NOT_READY");
    // Rules with `for: 0` fire at the first verdict that sees them; the failing self-check
    // waits for the confirmation rule, then fires with its clock from when it began.
    const immediate = h.warnings.filter(
      (w) => w.code === "NO_LEADER" || w.code === "MEMBER_UNREACHABLE",
    );
    expect(immediate.map((w) => w.code).sort()).toEqual([
      "MEMBER_UNREACHABLE",
      "MEMBER_UNREACHABLE",
      "NO_LEADER",
    ]);
    expect(immediate.every((w) => w.state === "firing")).toBe(true);
    const fired = await healthUntil(dash, (x) =>
      x.warnings.some((w) => w.code === "MEMBER_NOT_READY" && w.state === "firing"),
    );
    const notReady = fired.warnings.find((w) => w.code === "MEMBER_NOT_READY");
    expect(
      Date.parse(fired.observedAt) - Date.parse(notReady?.activeAt ?? ""),
    ).toBeGreaterThanOrEqual(thresholds.confirmMs);
    await Promise.all(followers.map((f) => cluster.restart(f, { requireLeader: false })));
    await cluster.waitForLeader({ timeoutMs: 30_000 });
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
  });

  it("shows a member added but never started as not started, not as an unreachable follower", async () => {
    // etcd refuses reconfiguration for a while after members restarted ("unhealthy cluster").
    let out = "";
    for (let attempt = 0; out === "" && attempt < 60; attempt++) {
      out = await cluster
        .etcdctl(["member", "add", "never-started", "--peer-urls=https://127.0.0.1:9"])
        .catch((err: unknown) => {
          if (!String(err).includes("unhealthy cluster")) throw err;
          return "";
        });
      if (out === "") await sleep(500);
    }
    const id = /Member\s+([0-9a-f]+)\s+added/.exec(out)?.[1] ?? "";
    expect(id).not.toBe("");
    try {
      const h = await healthUntil(dash, (x) => x.members.some((m) => m.id === id));
      const added = h.members.find((m) => m.id === id);
      expect(added?.state).toBe("not-started");
      expect(added?.stateLabel).toBe("added, not started");
      expect(h.quorum.voters).toBe(4);
      expect(h.warnings.map((w) => w.code)).toContain("MEMBER_NOT_STARTED");
      expect(h.warnings.filter((w) => w.code === "MEMBER_UNREACHABLE")).toEqual([]);
    } finally {
      await cluster.etcdctl(["member", "remove", id]);
    }
    await healthUntil(dash, (x) => x.members.length === 3);
  });

  it("records a learner's promotion, shows its progress, and forgets a removed member's peer round trips", async () => {
    const from = await lastSeq(dash);
    const learner = await cluster.addLearner("m4");
    const h = await healthUntil(
      dash,
      (x) => x.members.find((m) => m.name === "m4")?.learnerProgress?.readyToPromote === true,
    );
    expect(h.members.find((m) => m.name === "m4")?.role).toBe("learner");
    await cluster.promote("m4");
    await healthUntil(dash, (x) => x.members.find((m) => m.name === "m4")?.role === "follower");
    const events = await eventsSince(dash, from);
    expect(
      events.filter((e) => e.type.startsWith("member_") && "member" in e && e.member.name === "m4"),
    ).toMatchObject([{ type: "member_added", isLearner: true }, { type: "member_promoted" }]);
    expect(events.map((e) => e.type)).not.toContain("quorum_lost");

    const id = learner.id ?? cluster.member("m4").id;
    await cluster.removeMember("m4");
    await healthUntil(dash, (x) => x.members.length === 3);
    // After the next scrape no member carries a round trip to the removed one.
    const after = await healthUntil(
      dash,
      (x) => x.members.every((m) => id !== undefined && !(id in m.peerRoundTripsSeconds)),
      10_000,
    );
    expect(after.warnings.filter((w) => w.message.includes(id ?? "?"))).toEqual([]);
  });
});
