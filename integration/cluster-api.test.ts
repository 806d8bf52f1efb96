import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashboardServer, startDashboardFor } from "../harness/dashboard-server";
import { createEtcdClient } from "../harness/etcd-client";
import { EtcdCluster } from "../harness/etcd-cluster";
import { clusterListSchema } from "../lib/api/cluster-summary";
import type { ClusterEvent } from "../lib/events/cluster-event";
import { type ClusterHealth, clusterHealthSchema } from "../lib/health/cluster-health";
import { historyResponseSchema } from "../lib/history/build-history";

let cluster: EtcdCluster;
let dashboard: DashboardServer;
let dir: string;

async function health(): Promise<{ health: ClusterHealth; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${dashboard.url}/api/clusters/demo/health`, {
    signal: AbortSignal.timeout(5_000),
  });
  const ms = performance.now() - t0;
  expect(res.status).toBe(200);
  return { health: clusterHealthSchema.parse(await res.json()), ms };
}

async function events(): Promise<ClusterEvent[]> {
  const res = await fetch(`${dashboard.url}/api/clusters/demo/events?limit=100`);
  return (await res.json()) as ClusterEvent[];
}

/** Polls the API until `check` passes or the deadline is reached, then asserts it once more. */
async function eventually(check: (h: ClusterHealth) => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let last: ClusterHealth | undefined;
  while (Date.now() < until) {
    last = (await health()).health;
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms; last health: ${JSON.stringify(last)}`);
}

/** Polls the event log until an event of `type` is there, or fails naming what was recorded. */
async function eventuallyEvent(type: ClusterEvent["type"], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let types: string[] = [];
  while (Date.now() < until) {
    types = (await events()).map((e) => e.type);
    if (types.includes(type)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${type} within ${timeoutMs} ms; recorded: ${types.join(", ")}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "raftscope-api-"));
  cluster = await EtcdCluster.start({ size: 3, dir });
  // One configured endpoint: the rest must be discovered from MemberList.
  dashboard = await startDashboardFor(cluster, dir);
});

afterAll(async () => {
  await dashboard?.stop();
  await cluster?.teardown({ removeData: true });
});

describe("cluster API against a real 3-member cluster with mutual TLS", () => {
  it("discovers every member from one configured endpoint and names the leader", async () => {
    const h = await eventually((x) => x.members.length === 3 && x.leader !== null);
    const leaderName = await cluster.leader();
    expect(h.leader?.name).toBe(leaderName);
    expect(h.status).toBe("healthy");
    expect(h.writable).toBe(true);
    expect(h.quorum).toMatchObject({
      voters: 3,
      size: 2,
      healthyVoters: 3,
      margin: 1,
      tolerance: 1,
      remaining: 1,
    });
    expect(h.clusterId).toMatch(/^[0-9a-f]+$/);
    for (const m of h.members) {
      expect(m.id).toMatch(/^[0-9a-f]+$/);
      expect(m.id).toBe(cluster.member(m.name).id);
      expect(m.version).toMatch(/^3\.4\./);
    }
    const list = clusterListSchema.parse(
      await (await fetch(`${dashboard.url}/api/clusters`)).json(),
    );
    expect(list.map((c) => c.id)).toEqual(["demo"]);
  });

  it("reports the new leader and a leader-changed event after the leader is killed", async () => {
    const before = await eventually((x) => x.leader !== null && x.status === "healthy");
    const oldLeader = before.leader?.name ?? "";
    await cluster.kill(oldLeader);
    const after = await eventually((x) => x.leader !== null && x.leader.name !== oldLeader, 15_000);
    expect(after.raftTerm).toBeGreaterThan(before.raftTerm ?? 0);
    expect(after.members.find((m) => m.name === oldLeader)?.reachable).toBe(false);
    const changes = (await events()).filter((e) => e.type === "leader_changed");
    expect(changes[0]).toMatchObject({
      from: { name: oldLeader },
      to: { name: after.leader?.name },
    });
    await cluster.restart(oldLeader);
    await eventually((x) => x.status === "healthy" && x.quorum.healthyVoters === 3, 20_000);
  });

  it("marks a frozen follower unreachable, drops the margin by one, and keeps answering fast", async () => {
    const before = await eventually((x) => x.status === "healthy");
    const follower = before.members.find((m) => m.role === "follower")?.name ?? "";
    cluster.freeze(follower);
    try {
      const frozen = await eventually(
        (x) => x.members.find((m) => m.name === follower)?.reachable === false,
        10_000,
      );
      expect(frozen.quorum.margin).toBe((before.quorum.margin ?? 0) - 1);
      expect(frozen.status).toBe("critical");
      expect(frozen.warnings.map((w) => w.code)).toContain("MEMBER_UNREACHABLE");
      const times: number[] = [];
      for (let i = 0; i < 20; i++) times.push((await health()).ms);
      times.sort((a, b) => a - b);
      // The API serves the poller's last verdict; a frozen member must never stall it.
      expect(times[times.length - 1]).toBeLessThan(500);
      // An outage is recorded once it has held for the confirmation time (a second): the
      // member stays frozen until then, however fast the requests above ran.
      await eventuallyEvent("member_unreachable", 10_000);
    } finally {
      cluster.thaw(follower);
    }
    await eventually((x) => x.status === "healthy", 15_000);
    await eventuallyEvent("member_recovered", 5_000);
  });

  it("says writes fail with margin -1 when 2 of 3 are killed, and recovers after restarts", async () => {
    const before = await eventually((x) => x.status === "healthy");
    const followers = before.members.filter((m) => m.role === "follower").map((m) => m.name);
    const leader = before.leader?.name ?? "";
    for (const name of followers) await cluster.kill(name);
    const down = await eventually((x) => x.quorum.margin === -1 && !x.writable, 15_000);
    expect(down.status).toBe("unavailable");
    expect(down.members.find((m) => m.name === leader)?.reachable).toBe(true);
    // Quorum loss is an event once confirmed: two verdicts at least a second apart.
    await eventuallyEvent("quorum_lost", 5_000);

    for (const name of followers) await cluster.restart(name, { requireLeader: false });
    const back = await eventually(
      (x) => x.status === "healthy" && x.quorum.healthyVoters === 3,
      30_000,
    );
    expect(back.writable).toBe(true);
    expect((await events()).map((e) => e.type)).toContain("quorum_regained");
  });

  it("answers 404 with a code for an unknown cluster, and 400 for a bad query, never a stack", async () => {
    const missing = await fetch(`${dashboard.url}/api/clusters/nope/health`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "NOT_FOUND", message: 'No cluster with id "nope"' },
    });
    // A mistyped API path answers JSON too, not the HTML page.
    for (const wrong of ["/api/nonexistent", "/api/clusters/demo/nonexistent"]) {
      const res = await fetch(`${dashboard.url}${wrong}`);
      expect(res.status, wrong).toBe(404);
      expect(await res.json(), wrong).toEqual({
        error: { code: "NOT_FOUND", message: `No API at ${wrong}` },
      });
    }
    // A method a path does not take names the ones it does; nothing under /api deletes or writes.
    for (const [method, where, allow] of [
      ["DELETE", "/api/clusters/demo/health", "GET, HEAD"],
      ["PUT", "/api/clusters/demo/keys", "GET, HEAD"],
      ["DELETE", "/api/clusters/demo/consistency", "GET, HEAD, POST"],
      ["GET", "/api/auth/logout", "POST"],
    ] as const) {
      const res = await fetch(`${dashboard.url}${where}`, { method });
      expect(res.status, `${method} ${where}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(await res.json()).toEqual({
        error: {
          code: "METHOD_NOT_ALLOWED",
          message: `${where} answers ${allow}, not ${method}`,
        },
      });
    }
    const bad = await fetch(`${dashboard.url}/api/clusters/demo/history?window=2d`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/window/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
  });

  it("reads a key that is not UTF-8 from its percent-encoded bytes, through the real server", async () => {
    const key = Buffer.concat([Buffer.from("/api-test/"), Buffer.from([0x00, 0xff, 0x80])]);
    const client = createEtcdClient(cluster.endpoints, cluster.rootTlsFiles, {
      callTimeoutMs: 5_000,
    });
    try {
      await client.put(key).value("bytes");
    } finally {
      client.close();
    }
    const pct = [...key].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
    const res = await fetch(`${dashboard.url}/api/clusters/demo/keys/value?key=${pct}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { keyBase64: string };
    expect(Buffer.from(body.keyBase64, "base64").equals(key)).toBe(true);
  });

  it("streams health snapshots to a viewer", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${dashboard.url}/api/clusters/demo/stream`, { signal: ctrl.signal });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = res.body?.getReader();
    let text = "";
    const until = Date.now() + 5_000;
    while (reader && Date.now() < until && (text.match(/event: health/g)?.length ?? 0) < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ctrl.abort();
    expect(text.match(/event: health/g)?.length).toBeGreaterThanOrEqual(2);
    const firstData = text.split("\n").find((l) => l.startsWith("data: "));
    expect(clusterHealthSchema.safeParse(JSON.parse(firstData?.slice(6) ?? "{}")).success).toBe(
      true,
    );
  });

  it("keeps the chart history across a restart: saved at shutdown, read back at start", async () => {
    const history = async () => {
      const res = await fetch(`${dashboard.url}/api/clusters/demo/history?window=15m&points=900`);
      expect(res.status).toBe(200);
      return historyResponseSchema.parse(await res.json());
    };
    let before = await history();
    const until = Date.now() + 15_000;
    while (before.columns.t.length < 8 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      before = await history();
    }
    const ids = Object.keys(before.columns.members).sort();
    expect(ids).toHaveLength(3);
    expect(before.columns.t.length).toBeGreaterThanOrEqual(8);
    const stoppedAt = Date.now();
    await dashboard.stop("SIGTERM");
    dashboard = await startDashboardFor(cluster, dir);
    const after = await history();
    // Every second the first server saw is still there, with the same members' figures.
    const lastBefore = before.columns.t.at(-1) ?? 0;
    const kept = after.columns.t.filter((t) => t <= stoppedAt);
    expect(kept.length).toBeGreaterThanOrEqual(before.columns.t.length);
    expect(after.columns.t).toContain(lastBefore);
    expect(Object.keys(after.columns.members).sort()).toEqual(ids);
    const i = after.columns.t.indexOf(lastBefore);
    const j = before.columns.t.length - 1;
    for (const id of ids) {
      expect(after.columns.members[id]?.reachable[i]).toBe(
        before.columns.members[id]?.reachable[j],
      );
      expect(after.columns.members[id]?.fields.raftIndex?.[i]).toBe(
        before.columns.members[id]?.fields.raftIndex?.[j],
      );
    }
  });
});
