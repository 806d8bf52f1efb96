import { copyFileSync, mkdtempSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certPaths, type KeyPair } from "../harness/certs";
import { EtcdCluster } from "../harness/etcd-cluster";
import type { TlsFiles } from "../harness/etcdctl";
import { ISOLATED_USER, PeerPartition } from "../harness/peer-partition";
import { BadPki, PAST } from "./bad-pki";
import {
  DashboardUnderTest,
  eventsSince,
  expectVerdict,
  healthUntil,
  lastSeq,
} from "./fault-matrix-support";

// When Raftscope cannot see the cluster it says so: its own expired certificate is an unknown
// verdict, not a failing cluster; a member cut off from its peers leaves a trace; a fault does
// not become a storm of verdicts.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Health frames one viewer of the stream receives in `ms`. */
async function framesPerSecond(dash: DashboardUnderTest, ms: number): Promise<number> {
  const res = await fetch(`${dash.url}/api/clusters/${dash.clusterId}/stream`, {
    signal: AbortSignal.timeout(ms),
  });
  let frames = 0;
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      frames += decoder.decode(chunk).split("event: health").length - 1;
    }
  } catch {
    // The timeout ends the stream.
  }
  return frames / (ms / 1000);
}

describe("Raftscope's own credentials failing", () => {
  let cluster: EtcdCluster;
  let dash: DashboardUnderTest;
  let files: TlsFiles;
  let expired: KeyPair;
  let good: KeyPair;

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-sight-")),
    });
    const own = mkdtempSync(path.join(tmpdir(), "raftscope-sight-tls-"));
    files = {
      ca: cluster.tlsFiles.ca,
      cert: path.join(own, "client.crt"),
      key: path.join(own, "client.key"),
    };
    copyFileSync(cluster.tlsFiles.cert, files.cert);
    copyFileSync(cluster.tlsFiles.key, files.key);
    good = { cert: cluster.tlsFiles.cert, key: cluster.tlsFiles.key };
    const pki = await BadPki.create(mkdtempSync(path.join(tmpdir(), "raftscope-sight-pki-")));
    const ca = certPaths(path.join(cluster.dir, "certs")).ca;
    expired = await pki.issue("expired-client", "raftscope", ca, "client_ext", PAST);
    dash = await DashboardUnderTest.start(cluster, "demo", { tls: files });
    await expectVerdict(dash, cluster, { withinMs: 10_000 });
  });

  afterAll(async () => {
    await dash?.server.stop();
    await cluster?.teardown({ removeData: true });
  });

  /** Swaps the dashboard's client certificate and key on disk, as a rotation would. */
  function install(pair: KeyPair): void {
    const dir = path.dirname(files.cert);
    copyFileSync(pair.cert, path.join(dir, "next.crt"));
    copyFileSync(pair.key, path.join(dir, "next.key"));
    renameSync(path.join(dir, "next.key"), files.key);
    renameSync(path.join(dir, "next.crt"), files.cert);
  }

  it("says the verdict is unknown, records no cluster event, marks the blind interval, and does not storm", async () => {
    const baseline = await framesPerSecond(dash, 5_000);
    const from = await lastSeq(dash);
    install(expired);
    const h = await healthUntil(dash, (x) => x.status === "unknown", 20_000);
    expect(h.writable).toBeNull();
    expect(h.quorum.remaining).toBeNull();
    expect(h.blind?.kind).toBe("credentials");
    expect(h.blind?.message).toMatch(/^Raftscope cannot see the cluster: .*expired/);
    expect(h.warnings.map((w) => w.code)).not.toContain("NO_LEADER");

    // Key reads answer 503 with the same reason, never raw OpenSSL text.
    const keys = await fetch(
      `${dash.url}/api/clusters/demo/keys?prefix=${encodeURIComponent("/")}`,
    );
    expect(keys.status).toBe(503);
    const body = (await keys.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/expired/);

    const during = await framesPerSecond(dash, 5_000);
    // One verdict per poll interval: a fault costs viewers no more than health does.
    expect(during).toBeLessThanOrEqual(Math.max(2, baseline * 1.5));

    install(good);
    await healthUntil(dash, (x) => x.status === "healthy" || x.status === "degraded", 20_000);
    await sleep(1_500);
    const events = await eventsSince(dash, from);
    expect(events.map((e) => e.type)).toEqual(["raftscope_blind", "raftscope_sight_restored"]);
  });
});

describe("a member cut off from its peers only", () => {
  let cluster: EtcdCluster;
  let dash: DashboardUnderTest;
  let partition: PeerPartition | undefined;
  let victim = "";

  beforeAll(async () => {
    cluster = await EtcdCluster.start({
      size: 3,
      dir: mkdtempSync(path.join(tmpdir(), "raftscope-cutoff-")),
    });
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

  it("shows it cut off, not as a follower, and records the cut and the heal", async () => {
    const from = await lastSeq(dash);
    partition = PeerPartition.isolate(cluster, victim);
    const h = await healthUntil(
      dash,
      (x) => x.members.find((m) => m.name === victim)?.state === "cut-off",
      20_000,
    );
    const cut = h.members.find((m) => m.name === victim);
    expect(cut?.role).toBe("voter");
    expect(cut?.reachable).toBe(true);
    expect(h.quorum.remaining).toBe(0);
    expect(h.writable).toBe(true);
    await sleep(2_000);
    partition.heal();
    partition = undefined;
    await healthUntil(
      dash,
      // Back in touch, it may well win the next election.
      (x) =>
        ["following", "leading"].includes(x.members.find((m) => m.name === victim)?.state ?? ""),
      30_000,
    );
    await sleep(1_000);
    const events = (await eventsSince(dash, from)).filter(
      (e) => e.type === "member_isolated" || e.type === "member_rejoined",
    );
    expect(events.map((e) => [e.type, "member" in e ? e.member.name : ""])).toEqual([
      ["member_isolated", victim],
      ["member_rejoined", victim],
    ]);
  });
});
