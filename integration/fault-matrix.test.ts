import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { ISOLATED_USER, PeerPartition } from "../harness/peer-partition";
import {
  DashboardUnderTest,
  eventsUntil,
  expectContinuous,
  expectVerdict,
} from "./fault-matrix-support";

// Each case: the verdict matches the ground truth within 2 s, the API answers every request
// through the fault, memory stays bounded, the server never crashes, and the event log has no
// gaps or duplicates across a dashboard restart. How fast the API answers during faults is a
// benchmark (bench/health.ts, docs/benchmarks.md), not a test.

function tmp(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `raftscope-${name}-`));
}

async function restoreAll(cluster: EtcdCluster): Promise<void> {
  for (const m of cluster.members) if (m.state === "frozen") cluster.thaw(m.name);
  // In parallel: a member serves clients only once it has published itself through raft,
  // which needs quorum, so a lone restarted member would wait forever for the others.
  await Promise.all(
    cluster.members
      .filter((m) => m.state === "stopped")
      .map((m) => cluster.restart(m.name, { requireLeader: false })),
  );
  await cluster.waitForLeader({ timeoutMs: 30_000 });
}

describe("fault matrix on a 3-member cluster", () => {
  let cluster: EtcdCluster;
  let dash: DashboardUnderTest;
  let rssAtStart = 0;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({ size: 3, dir: tmp("matrix") });
    dash = await DashboardUnderTest.start(cluster);
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
    rssAtStart = dash.rssMiB();
  });

  afterEach(async () => {
    await dash.stopSampling();
    expect(dash.alive()).toBe(true);
    expect(dash.failures, "health API requests that failed").toEqual([]);
    await restoreAll(cluster);
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
  });

  afterAll(async () => {
    await dash?.server.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("1. leader SIGKILL: the new leader, and the old one unreachable", async () => {
    dash.startSampling();
    const old = await cluster.waitForLeader();
    await cluster.kill(old);
    await cluster.waitForLeader({ exclude: old });
    const h = await expectVerdict(dash, cluster);
    expect(h.status).toBe("critical");
    const change = (await dash.events()).find((e) => e.type === "leader_changed");
    expect(change).toMatchObject({ from: { name: old } });
  });

  it("2. follower SIGKILL: unreachable, one failure from losing writes", async () => {
    dash.startSampling();
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader)?.name ?? "";
    await cluster.kill(follower);
    const h = await expectVerdict(dash, cluster);
    expect(h.quorum.remaining).toBe(0);
    expect(h.leader?.name).toBe(leader);
  });

  it("3. leader SIGSTOP: the others elect a new leader; the frozen one is unreachable", async () => {
    dash.startSampling();
    const old = await cluster.waitForLeader();
    cluster.freeze(old);
    await cluster.waitForLeader({ exclude: old });
    const h = await expectVerdict(dash, cluster);
    expect(h.members.find((m) => m.name === old)?.reachable).toBe(false);
  });

  it("4. follower SIGSTOP: unreachable within a deadline, margin drops by one", async () => {
    dash.startSampling();
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader)?.name ?? "";
    cluster.freeze(follower);
    const h = await expectVerdict(dash, cluster);
    expect(h.quorum.margin).toBe(0);
  });

  it("5. 2 of 3 down: quorum lost, writes fail", async () => {
    dash.startSampling();
    const leader = await cluster.waitForLeader();
    for (const m of cluster.members.filter((x) => x.name !== leader)) await cluster.kill(m.name);
    // The survivor steps down once it notices it lost quorum (etcd's check-quorum).
    const deadline = Date.now() + 10_000;
    while ((await cluster.leader()) !== undefined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const h = await expectVerdict(dash, cluster);
    expect(h.status).toBe("unavailable");
    expect(h.quorum.margin).toBe(-1);
    // Quorum loss is an event once confirmed: two verdicts at least a second apart.
    const events = await eventsUntil(dash, (es) => es.some((e) => e.type === "quorum_lost"));
    expect(events.map((e) => e.type)).toContain("quorum_lost");
  });

  it("6. all down: the API still answers and says so", async () => {
    dash.startSampling();
    for (const m of [...cluster.members].reverse()) await cluster.kill(m.name);
    const h = await expectVerdict(dash, cluster);
    expect(h.status).toBe("unavailable");
    expect(h.members.every((m) => !m.reachable)).toBe(true);
    expect(h.members).toHaveLength(3);
  });

  it("8. a member restart: it leaves and comes back", async () => {
    dash.startSampling();
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader)?.name ?? "";
    await cluster.stop(follower);
    await expectVerdict(dash, cluster);
    await cluster.restart(follower);
    await expectVerdict(dash, cluster);
    // A restarted member first catches up on the log; then nothing is held against it. (The
    // status itself may stay degraded: by now this cluster has had 4 leader changes in 15 min.)
    const deadline = Date.now() + 5_000;
    const against = async () =>
      (await dash.health()).warnings.filter((w) => w.memberId === cluster.member(follower).id);
    while ((await against()).length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await against()).toEqual([]);
    expect((await dash.health()).quorum.healthyVoters).toBe(3);
    const types = (await dash.events()).map((e) => e.type);
    expect(types).toContain("member_recovered");
  });

  it("9. a learner added, then promoted", async () => {
    dash.startSampling();
    await cluster.addLearner("m4");
    let h = await expectVerdict(dash, cluster, { withinMs: 5_000 });
    expect(h.quorum.learners).toBe(1);
    expect(h.members.find((m) => m.name === "m4")?.role).toBe("learner");
    await cluster.promote("m4");
    h = await expectVerdict(dash, cluster, { withinMs: 5_000 });
    expect(h.quorum.voters).toBe(4);
    expect(h.quorum.learners).toBe(0);
  });

  it("10. a member removed", async () => {
    dash.startSampling();
    await cluster.removeMember("m4");
    const h = await expectVerdict(dash, cluster, { withinMs: 5_000 });
    expect(h.members.map((m) => m.name)).not.toContain("m4");
    expect((await dash.events()).map((e) => e.type)).toContain("member_removed");
  });

  it("keeps memory bounded and the event log continuous across a dashboard restart and a SIGKILL", async () => {
    dash.startSampling();
    expect(dash.rssMiB() - rssAtStart).toBeLessThan(150);
    const before = await dash.events();
    expect(before.length).toBeGreaterThan(5);
    expectContinuous(before);

    await dash.restart("SIGTERM");
    dash.startSampling();
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
    const afterRestart = await dash.events();
    expectContinuous(afterRestart);
    // Nothing happened while it was down, so nothing new may be reported.
    expect(afterRestart.slice(0, afterRestart.length - before.length)).toEqual([]);

    // A crash right while events are being written: kill a member and the dashboard at once.
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader)?.name ?? "";
    await cluster.kill(follower);
    await new Promise((r) => setTimeout(r, 1_500));
    await dash.restart("SIGKILL");
    dash.startSampling();
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
    // The outage is an event once confirmed (two verdicts a second apart), maybe only now.
    // Events come newest first: an outage is new when no recovery of the member follows it.
    const afterCrash = await eventsUntil(dash, (events) => {
      const first = events.find(
        (e) =>
          (e.type === "member_unreachable" || e.type === "member_recovered") &&
          e.member.name === follower,
      );
      return first?.type === "member_unreachable" && first.seq > before.length;
    });
    expectContinuous(afterCrash);
    const downs = afterCrash.filter(
      (e) => e.type === "member_unreachable" && e.member.name === follower,
    );
    expect(downs.length).toBeGreaterThanOrEqual(1);
    // The member went down once since the last recovery: exactly one new event for it.
    const lastRecovery = afterCrash.find(
      (e) => e.type === "member_recovered" && e.member.name === follower,
    );
    const newer = downs.filter((e) => e.seq > (lastRecovery?.seq ?? 0));
    expect(
      newer,
      JSON.stringify(
        afterCrash.slice(0, 12).map((e) => [e.seq, e.type, "member" in e ? e.member.name : ""]),
      ),
    ).toHaveLength(1);
  });
});

describe("7. etcd down when the dashboard starts, then up", () => {
  let cluster: EtcdCluster;
  let dash: DashboardUnderTest;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({ size: 3, dir: tmp("cold") });
    const leader = await cluster.waitForLeader();
    for (const m of cluster.members.filter((x) => x.name !== leader)) await cluster.stop(m.name);
    await cluster.stop(leader);
  });

  afterAll(async () => {
    await dash?.server.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("starts, says the cluster is down, and recovers when etcd comes up", async () => {
    dash = await DashboardUnderTest.start(cluster);
    dash.startSampling();
    const down = await dash.health();
    expect(down.status).toBe("unavailable");
    expect(down.writable).toBe(false);
    expect(down.warnings[0]?.message).toMatch(/MemberList/);
    await Promise.all(
      cluster.members.map((m) => cluster.restart(m.name, { requireLeader: false })),
    );
    await cluster.waitForLeader({ timeoutMs: 30_000 });
    const up = await expectVerdict(dash, cluster, { withinMs: 5_000 });
    expect(up.members).toHaveLength(3);
    expect(up.status).toBe("healthy");
    await dash.stopSampling();
    expect(dash.failures, "health API requests that failed").toEqual([]);
    expect(dash.alive()).toBe(true);
  });
});

describe("11. a NOSPACE alarm", () => {
  let cluster: EtcdCluster;
  let dash: DashboardUnderTest;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: tmp("nospace"),
      quotaBackendBytes: 4 * 1024 * 1024,
    });
    dash = await DashboardUnderTest.start(cluster);
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
  });

  afterAll(async () => {
    await dash?.server.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("raises the alarm from Status.errors, says writes fail, and logs it", async () => {
    dash.startSampling();
    const client = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles, {
      callTimeoutMs: 5_000,
    });
    const value = Buffer.alloc(64 * 1024, 1);
    let full = false;
    try {
      for (let i = 0; i < 500 && !full; i++) {
        await client
          .put(`/fill/${i}`)
          .value(value)
          .catch((err: Error) => {
            if (/space exceeded/.test(err.message)) full = true;
            else throw err;
          });
      }
    } finally {
      client.close();
    }
    expect(full).toBe(true);
    const h = await expectVerdict(dash, cluster, { nospace: true, withinMs: 5_000 });
    expect(h.warnings.map((w) => w.code)).toContain("ALARM_NOSPACE");
    expect(h.members.some((m) => m.alarms.includes("NOSPACE"))).toBe(true);
    expect(h.status).toBe("unavailable");
    expect((await dash.events()).map((e) => e.type)).toContain("alarm_raised");
    await dash.stopSampling();
    expect(dash.failures, "health API requests that failed").toEqual([]);
  });
});

describe("12. a peer partition", () => {
  let cluster: EtcdCluster;
  let dash: DashboardUnderTest;
  let partition: PeerPartition | undefined;
  let victim = "";

  beforeAll(async () => {
    cluster = await EtcdCluster.start({ size: 3, dir: tmp("partition") });
    const leader = await cluster.waitForLeader();
    victim = cluster.members.find((m) => m.name !== leader)?.name ?? "";
    // Running as its own user lets the firewall cut its outbound peer connections too.
    await cluster.restartAs(victim, ISOLATED_USER);
    dash = await DashboardUnderTest.start(cluster);
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
  });

  afterAll(async () => {
    partition?.heal();
    await dash?.server.stop();
    await cluster?.teardown({ removeData: true });
  });

  it("shows the cut-off member as isolated, not healthy, while the majority keeps its leader", async () => {
    dash.startSampling();
    const leader = await cluster.waitForLeader();
    partition = PeerPartition.isolate(cluster, victim);
    // Cut off, the member loses its leader after an election timeout and campaigns alone.
    const deadline = Date.now() + 10_000;
    while ((await cluster.status(victim)).leaderId !== undefined && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await cluster.status(victim)).leaderId).toBeUndefined();
    // A voter behind the leader is "catching up" for 3 s (an answer from before an election looks
    // the same), then cut off.
    const within = Date.now() + 6_000;
    let h = await dash.health();
    while (!h.warnings.some((w) => w.code === "MEMBER_ISOLATED") && Date.now() < within) {
      await new Promise((r) => setTimeout(r, 50));
      h = await dash.health();
    }
    expect(h.leader?.name).toBe(leader);
    expect(h.members.find((m) => m.name === victim)?.reachable).toBe(true);
    expect(h.warnings.find((w) => w.code === "MEMBER_ISOLATED")?.memberId).toBe(
      cluster.member(victim).id,
    );
    expect(h.quorum.healthyVoters).toBe(2);
    expect(h.quorum.margin).toBe(0);
    expect(h.status).toBe("critical");
    expect(h.writable).toBe(true);

    partition.heal();
    const healed = Date.now() + 15_000;
    while (Date.now() < healed) {
      h = await dash.health();
      if (h.status === "healthy" && h.quorum.healthyVoters === 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(h.quorum.healthyVoters).toBe(3);
    await dash.stopSampling();
    expect(dash.failures, "health API requests that failed").toEqual([]);
    expect(dash.failures).toEqual([]);
  });
});
