import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EtcdCluster } from "@/harness/etcd-cluster";
import type { TlsFiles } from "@/harness/etcdctl";

// One cluster for the whole file, driven through a story: each test leaves it in the state the
// next one starts from (a killed leader is restarted before a follower is frozen, so quorum holds).
describe("etcd harness: 3 members with mutual TLS and real faults", () => {
  let dir: string;
  let cluster: EtcdCluster;
  let killed: string | undefined;
  let tornDown = false;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "raftscope-harness-"));
    cluster = await EtcdCluster.start({ size: 3, dir });
  });

  afterAll(async () => {
    if (cluster !== undefined && !tornDown) await cluster.teardown();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("elects a leader that every member follows", async () => {
    const leader = await cluster.waitForLeader();
    const leaderId = cluster.member(leader).id;
    expect(leaderId).toMatch(/^[0-9a-f]+$/);
    const statuses = await Promise.all(cluster.members.map((m) => cluster.status(m.name)));
    expect(statuses.map((s) => s.leaderId)).toEqual([leaderId, leaderId, leaderId]);
    expect(cluster.electionsSince(0).map((e) => e.member)).toContain(leader);
  });

  it("serves metrics on the client port only to clients with a certificate", async () => {
    const url = `${cluster.endpoints[0]}/metrics`;
    const { ca, cert, key } = cluster.tlsFiles;
    const withCert = await httpsGet(url, { ca, cert, key });
    expect(withCert.status).toBe(200);
    expect(withCert.body).toMatch(/^etcd_server_has_leader 1$/m);
    await expect(httpsGet(url, { ca })).rejects.toThrow();
  });

  it("elects a new leader, logged as an election, after the leader is killed", async () => {
    const old = await cluster.waitForLeader();
    const oldTerm = (await cluster.status(old)).term;
    const killedAt = Date.now();
    await cluster.kill(old);
    killed = old;
    expect(cluster.member(old).state).toBe("stopped");

    const next = await cluster.waitForLeader({ exclude: old, timeoutMs: 30_000 });
    expect(next).not.toBe(old);
    const elections = cluster.electionsSince(killedAt);
    expect(elections).toContainEqual(expect.objectContaining({ member: next }));
    for (const election of elections) expect(election.term).toBeGreaterThan(oldTerm);

    await cluster.etcdctl(["put", "/harness/written-while-down", "yes"]);
  });

  it("restarts the killed member, which rejoins and catches up", async () => {
    if (killed === undefined) throw new Error("the kill test did not run");
    const member = killed;
    await cluster.restart(member);
    expect(cluster.member(member).state).toBe("running");

    const leaderId = cluster.member(await cluster.waitForLeader()).id;
    expect((await cluster.status(member)).leaderId).toBe(leaderId);
    // A serializable read answers from the member's own store: proof it applied the log.
    await vi.waitFor(
      async () => {
        const value = await cluster.etcdctl(
          ["get", "/harness/written-while-down", "--print-value-only", "--consistency=s"],
          { endpoints: [cluster.member(member).clientUrl] },
        );
        expect(value.trim()).toBe("yes");
      },
      { timeout: 20_000, interval: 250 },
    );
  });

  it("keeps committing while a follower is frozen; the follower catches up after thaw", async () => {
    const leader = await cluster.waitForLeader();
    const follower = cluster.members.find((m) => m.name !== leader)?.name;
    if (follower === undefined) throw new Error("no follower");
    cluster.freeze(follower);
    try {
      expect(cluster.member(follower).state).toBe("frozen");
      await expect(cluster.status(follower, 1_000)).rejects.toThrow(/did not answer|deadline/i);
      await cluster.etcdctl(["put", "/harness/written-while-frozen", "yes"]);
    } finally {
      cluster.thaw(follower);
    }
    expect(cluster.member(follower).state).toBe("running");
    const leaderStatus = await cluster.status(await cluster.waitForLeader());
    await vi.waitFor(
      async () => {
        const status = await cluster.status(follower);
        expect(status.raftAppliedIndex).toBeGreaterThanOrEqual(leaderStatus.raftIndex);
      },
      { timeout: 20_000, interval: 250 },
    );
  });

  it("adds a learner and promotes it to voter", { timeout: 120_000 }, async () => {
    const learner = await cluster.addLearner("m4", { timeoutMs: 60_000 });
    expect(learner.isLearner).toBe(true);
    expect((await cluster.status("m4")).isLearner).toBe(true);
    expect(await memberListRow(cluster, "m4")).toMatch(/, true$/);

    await cluster.promote("m4", { timeoutMs: 60_000 });
    expect(cluster.member("m4").isLearner).toBe(false);
    expect((await cluster.status("m4")).isLearner).toBe(false);
    expect(await memberListRow(cluster, "m4")).toMatch(/, false$/);
    expect(cluster.members).toHaveLength(4);
  });

  it("tears down followers before the leader, leaving no process behind", async () => {
    const pids = cluster.members.map((m) => m.pid).filter((pid) => pid !== undefined);
    expect(pids).toHaveLength(4);
    const started = Date.now();
    await cluster.teardown();
    tornDown = true;
    // Stopping every member at once costs ~7 s of failed leadership transfer; in order, ~1 s.
    expect(Date.now() - started).toBeLessThan(6_000);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(cluster.members.every((m) => m.state === "stopped")).toBe(true);
  });
});

async function memberListRow(cluster: EtcdCluster, name: string): Promise<string | undefined> {
  // Simple format: "id, started, name, peer URLs, client URLs, isLearner".
  const list = await cluster.etcdctl(["member", "list"]);
  return list
    .trim()
    .split("\n")
    .find((row) => row.split(", ")[2] === name);
}

function httpsGet(
  url: string,
  tls: Partial<TlsFiles>,
): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      url,
      {
        ca: tls.ca === undefined ? undefined : readFileSync(tls.ca),
        cert: tls.cert === undefined ? undefined : readFileSync(tls.cert),
        key: tls.key === undefined ? undefined : readFileSync(tls.key),
        servername: "localhost",
        timeout: 5_000,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode, body }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on("error", reject);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
