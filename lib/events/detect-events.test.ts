import { describe, expect, it } from "vitest";
import type { ClusterHealth } from "../health/cluster-health";
import { makeHealth } from "../test-factories/health-factory";
import { ids, type MemberSpec, makeCluster } from "../test-factories/member-snapshot-factory";
import type { EventBody } from "./cluster-event";
import { applyEvent, detectEvents, type EventState, initialEventState } from "./detect-events";

const T0 = 1_700_000_000_000;

/**
 * Runs the detector over a sequence of verdicts one second apart and returns every event, in
 * order. `settle` observes each step twice, as consecutive sweeps of a state that lasts do.
 */
function run(
  steps: Array<MemberSpec[] | ClusterHealth>,
  start: EventState = initialEventState,
  settle = true,
) {
  let state = start;
  const all: EventBody[] = [];
  let t = T0;
  for (const step of steps) {
    for (let i = 0; i < (settle ? 2 : 1); i++) {
      const health = Array.isArray(step)
        ? makeHealth({ ...makeCluster(step), observedAt: t })
        : { ...step, observedAt: new Date(t).toISOString() };
      const out = detectEvents(state, health);
      all.push(...out.events);
      state = out.state;
      t += 1000;
    }
  }
  return { events: all, state };
}

const led = (leader: number, term: number): MemberSpec => ({
  status: { leaderId: ids[leader], raftTerm: term },
});

describe("detectEvents", () => {
  it("seeds members and leader silently on first sight", () => {
    const { events, state } = run([[{}, {}, {}]]);
    expect(events).toEqual([]);
    expect(state.leader?.id).toBe(ids[0]);
    expect(Object.keys(state.members ?? {})).toHaveLength(3);
  });

  it("reports a leader change with old, new and term, through a leaderless moment", () => {
    const { events } = run([
      [led(0, 2), led(0, 2), led(0, 2)],
      [{ down: "connection refused" }, led(0, 2), led(0, 2)],
      [{ down: "connection refused" }, led(1, 3), led(1, 3)],
    ]);
    const types = events.map((e) => e.type);
    expect(types).toEqual(["member_unreachable", "leader_changed"]);
    expect(events[1]).toEqual({
      type: "leader_changed",
      from: { id: ids[0], name: "m1" },
      to: { id: ids[1], name: "m2" },
      term: 3,
    });
  });

  it("reports a term change with the same leader", () => {
    const { events } = run([
      [led(0, 2), led(0, 2), led(0, 2)],
      [led(0, 4), led(0, 4), led(0, 4)],
    ]);
    expect(events).toEqual([
      { type: "term_changed", leader: { id: ids[0], name: "m1" }, fromTerm: 2, toTerm: 4 },
    ]);
  });

  it("reports quorum lost and regained, and members going down and coming back", () => {
    const noLeader: MemberSpec = { status: { leaderId: undefined } };
    const { events } = run([
      [{}, {}, {}],
      [noLeader, { down: true }, { down: true }],
      [{}, {}, { down: true }],
      [{}, {}, {}],
    ]);
    expect(events.map((e) => e.type)).toEqual([
      "member_unreachable",
      "member_unreachable",
      "quorum_lost",
      "member_recovered",
      "quorum_regained",
      "member_recovered",
    ]);
  });

  it("reports alarms raised and cleared, but not while nothing can be read", () => {
    const alarms = [{ memberId: ids[1] ?? "", alarm: "NOSPACE" as const }];
    const withAlarm: MemberSpec = { status: { alarms } };
    const { events } = run([
      [{}, {}, {}],
      [withAlarm, withAlarm, withAlarm],
      [{ down: true }, { down: true }, { down: true }],
      [withAlarm, withAlarm, withAlarm],
      [{}, {}, {}],
    ]);
    const alarmEvents = events.filter((e) => e.type.startsWith("alarm"));
    expect(alarmEvents).toEqual([
      { type: "alarm_raised", member: { id: ids[1], name: "m2" }, alarm: "NOSPACE" },
      { type: "alarm_cleared", member: { id: ids[1], name: "m2" }, alarm: "NOSPACE" },
    ]);
  });

  it("reports members added and removed", () => {
    const { events } = run([
      [{}, {}, {}],
      [{}, {}, {}, { learner: true }],
      [{}, {}, {}],
    ]);
    expect(events).toEqual([
      { type: "member_added", member: { id: ids[3], name: "m4" }, isLearner: true },
      { type: "member_removed", member: { id: ids[3], name: "m4" } },
    ]);
  });

  it("rebuilds the same state by replaying its events", () => {
    const steps = [
      [led(0, 2), led(0, 2), led(0, 2)],
      [{ down: true }, led(0, 2), led(0, 2)],
      [{ down: true }, led(1, 3), led(1, 3)],
      [led(1, 3), led(1, 3), { down: true }],
    ];
    const seeded = run(steps.slice(0, 1)).state;
    const { events, state } = run(steps.slice(1), seeded);
    const replayed = events.reduce(applyEvent, seeded);
    expect(replayed.leader).toEqual(state.leader);
    expect(new Set(replayed.unreachable)).toEqual(new Set(state.unreachable));
    expect(replayed.quorumLost).toBe(state.quorumLost);
  });

  it("emits nothing when nothing changed", () => {
    const { events } = run([
      [{}, {}, { down: true }],
      [{}, {}, { down: true }],
    ]);
    expect(events.map((e) => e.type)).toEqual(["member_unreachable"]);
  });

  it("never records a one-verdict transient: quorum looked lost in one sweep only", () => {
    const noLeader: MemberSpec = { status: { leaderId: undefined } };
    const { events } = run(
      [
        [{}, {}, {}],
        [{}, {}, {}],
        [noLeader, { down: true }, { down: true }],
        [{}, {}, {}],
      ],
      initialEventState,
      false,
    );
    expect(events).toEqual([]);
  });

  it("records one leader change per election, with the leader's own term, once a majority follows", () => {
    const { events } = run(
      [
        [led(0, 7), led(0, 7), led(0, 7)],
        [led(0, 7), led(0, 7), led(0, 7)],
        // The new leader answers in term 8; m3's answer left before the election ended.
        [{ down: true }, led(1, 8), led(0, 7)],
        [{ down: true }, led(1, 8), led(1, 8)],
        [{ down: true }, led(1, 8), led(1, 8)],
      ],
      initialEventState,
      false,
    );
    const leaderEvents = events.filter(
      (e) => e.type === "leader_changed" || e.type === "term_changed",
    );
    expect(leaderEvents).toEqual([
      {
        type: "leader_changed",
        from: { id: ids[0], name: "m1" },
        to: { id: ids[1], name: "m2" },
        term: 8,
      },
    ]);
    expect(events.map((e) => e.type)).not.toContain("quorum_lost");
  });

  it("records a member cut off from its peers, and its return", () => {
    const cut = (since: number): ClusterHealth => {
      const snapshot = makeCluster([{}, {}, { status: { leaderId: undefined, raftTerm: 2 } }]);
      return makeHealth(snapshot, { notFollowingSince: { [ids[2] as string]: since } });
    };
    const { events } = run([[{}, {}, {}], cut(T0 - 60_000), [{}, {}, {}]]);
    expect(events).toEqual([
      { type: "member_isolated", member: { id: ids[2], name: "m3" }, term: 2 },
      { type: "member_rejoined", member: { id: ids[2], name: "m3" } },
    ]);
  });

  it("records a learner's promotion", () => {
    const { events } = run([
      [{}, {}, {}, { learner: true }],
      [{}, {}, {}, {}],
    ]);
    expect(events).toEqual([{ type: "member_promoted", member: { id: ids[3], name: "m4" } }]);
  });

  it("records nothing about the cluster while Raftscope is blind, and marks the blind interval", () => {
    const blind = makeHealth({
      ...makeCluster([{ down: true }, { down: true }, { down: true }]),
      blind: { kind: "credentials", message: "its client certificate expired" },
    });
    const { events } = run([[{}, {}, {}], blind, blind, [{}, {}, {}]]);
    expect(events.map((e) => e.type)).toEqual(["raftscope_blind", "raftscope_sight_restored"]);
    expect(events[1]).toMatchObject({ blindForMs: 4000 });
  });

  it("confirms no bad news within the grace after Raftscope was blind, then what held throughout", () => {
    const blind = makeHealth({
      ...makeCluster([{}, { down: true }, { down: true }]),
      blind: { kind: "overloaded", busyPercent: 97 },
    });
    const twoDown: MemberSpec[] = [
      {},
      { down: "deadline exceeded" },
      { down: "deadline exceeded" },
    ];
    const ok: MemberSpec[] = [{}, {}, {}];
    const cluster = (events: EventBody[]) =>
      events.map((e) => e.type).filter((t) => !t.startsWith("raftscope_"));
    // Blind for 2 s (confirmed), then two members failing for 4 s: still Raftscope's trouble.
    const shortly = run(
      [ok, blind, blind, twoDown, twoDown, twoDown, ok],
      initialEventState,
      false,
    );
    expect(shortly.events.map((e) => e.type)).toEqual([
      "raftscope_blind",
      "raftscope_sight_restored",
    ]);
    // Failing for 6 s after it: confirmed once the grace is over.
    const held = run(
      [ok, blind, blind, twoDown, twoDown, twoDown, twoDown, twoDown, twoDown],
      initialEventState,
      false,
    );
    expect(cluster(held.events).sort()).toEqual([
      "member_unreachable",
      "member_unreachable",
      "quorum_lost",
    ]);
    // One blind verdict is a blip, not an interval: no grace after it.
    const blip = run([ok, blind, twoDown, twoDown, ok], initialEventState, false);
    expect(cluster(blip.events).sort()).toEqual([
      "member_recovered",
      "member_recovered",
      "member_unreachable",
      "member_unreachable",
      "quorum_lost",
      "quorum_regained",
    ]);
  });
});

describe("detectEvents: another etcd cluster behind the same endpoints", () => {
  /** The same cluster rebuilt: new member IDs under the same names, a new cluster ID. */
  const rebuilt = (h: ClusterHealth): ClusterHealth => {
    let json = JSON.stringify(h);
    for (const id of ids) json = json.replaceAll(id, `0${id.slice(1)}`);
    return { ...(JSON.parse(json) as ClusterHealth), etcdClusterId: "6e4831868b41d0e5" };
  };
  const at = (t: number, h: ClusterHealth) => ({ ...h, observedAt: new Date(t).toISOString() });

  it("records one etcd_cluster_changed, and no member, leader or quorum event of the old cluster", () => {
    const old = makeHealth(makeCluster([led(2, 3), led(2, 3), led(2, 3)]));
    const fresh = rebuilt(makeHealth(makeCluster([led(2, 2), led(2, 2), led(2, 2)])));
    let state = initialEventState;
    const events: EventBody[] = [];
    [old, old, fresh, fresh, fresh].forEach((h, i) => {
      const out = detectEvents(state, at(T0 + i * 1000, h));
      events.push(...out.events);
      state = out.state;
    });
    expect(old.etcdClusterId).not.toBe("6e4831868b41d0e5");
    expect(events).toEqual([
      {
        type: "etcd_cluster_changed",
        fromEtcdClusterId: old.etcdClusterId,
        toEtcdClusterId: "6e4831868b41d0e5",
      },
    ]);
    expect(state.etcdClusterId).toBe("6e4831868b41d0e5");
    expect(state.leader).toMatchObject({ id: `0${ids[2]?.slice(1)}`, term: 2 });
    // From then on the new cluster is followed as any other: its next election is an event.
    const next = detectEvents(
      state,
      at(T0 + 9000, rebuilt(makeHealth(makeCluster([led(0, 3), led(0, 3), led(0, 3)])))),
    );
    expect(next.events.map((e) => e.type)).toEqual(["leader_changed"]);
  });

  it("adopts the cluster ID silently from state saved before it was kept, and while it is unknown", () => {
    const h = makeHealth(makeCluster([{}, {}, {}]));
    const { state } = run([[{}, {}, {}]]);
    const older: EventState = { ...state };
    delete older.etcdClusterId;
    expect(detectEvents(older, at(T0 + 5000, h)).events).toEqual([]);
    expect(detectEvents(state, at(T0 + 5000, { ...h, etcdClusterId: "" })).events).toEqual([]);
    expect(
      detectEvents(state, at(T0 + 5000, { ...h, etcdClusterId: "" })).state.etcdClusterId,
    ).toBe(state.etcdClusterId);
  });

  it("replays the event onto a fresh state", () => {
    const { state } = run([[{}, {}, {}]]);
    const next = applyEvent(state, {
      type: "etcd_cluster_changed",
      fromEtcdClusterId: state.etcdClusterId ?? "",
      toEtcdClusterId: "6e4831868b41d0e5",
    });
    expect(next).toEqual({ ...initialEventState, etcdClusterId: "6e4831868b41d0e5" });
  });
});
