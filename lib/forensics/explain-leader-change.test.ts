import { describe, expect, it } from "vitest";
import { explainLeaderChange } from "./explain-leader-change";
import type { ForensicSample, MemberForensics } from "./forensic-sample";

const AT = 1_795_480_400_000;

function sample(t: number, old: Partial<MemberForensics>): ForensicSample {
  return {
    t,
    leaderId: "a",
    members: {
      a: {
        name: "m1",
        reachable: true,
        processStartTimeSeconds: 1795480281.25,
        heartbeatSendFailuresTotal: 0,
        ...old,
      },
      b: { name: "m2", reachable: true },
    },
  };
}

describe("explainLeaderChange", () => {
  it("says no cause is visible when nothing stands out, and never guesses", () => {
    const before = [sample(AT - 2000, {}), sample(AT - 1000, {})];
    expect(explainLeaderChange({ fromId: "a", at: AT }, before, [])).toEqual({
      likely: "no cause visible in the metrics",
      evidence: [],
    });
  });

  it("ranks a freeze first and names the heartbeats that failed with it", () => {
    const before = [
      sample(AT - 3000, {}),
      sample(AT - 1200, { reachable: false, error: "4 DEADLINE_EXCEEDED: Deadline exceeded" }),
      sample(AT - 600, {
        reachable: false,
        error: "4 DEADLINE_EXCEEDED: Deadline exceeded",
        heartbeatSendFailuresTotal: 3,
      }),
    ];
    const { likely, evidence } = explainLeaderChange({ fromId: "a", at: AT }, before, []);
    expect(evidence.map((e) => e.cause)).toEqual(["stopped_answering", "heartbeat_failures"]);
    expect(likely).toBe(
      "likely: the leader was frozen or cut off: m1 stopped answering (its calls ran out their deadline): its last answer came 3.00 s before the election; heartbeat sends from m1 failed 3 times",
    );
    expect(evidence[0]?.numbers).toEqual({
      secondsBeforeElection: 3,
      firstMissSecondsBeforeElection: 1.2,
    });
  });

  it("calls a refused connection a gone process, and a new start time a restart", () => {
    const before = [
      sample(AT - 900, { reachable: false, error: "14 UNAVAILABLE: No connection established" }),
    ];
    const after = [sample(AT + 4000, { processStartTimeSeconds: 1795480405.5 })];
    const { likely, evidence } = explainLeaderChange({ fromId: "a", at: AT }, before, after);
    expect(evidence.map((e) => e.cause)).toEqual(["restarted", "stopped_answering"]);
    expect(evidence[0]?.numbers).toMatchObject({ backAfterSeconds: 4 });
    expect(likely).toMatch(/^likely: the leader restarted: /);
    // No answer in the window before the silence: only a lower bound is known.
    expect(evidence[1]?.summary).toBe(
      "m1 stopped answering (its port refused connections): it had not answered for at least 900 ms before the election",
    );
  });

  it("calls a leader whose port refused connections gone, from its last answer", () => {
    const before = [
      sample(AT - 2500, {}),
      sample(AT - 300, { reachable: false, error: "14 UNAVAILABLE: No connection established" }),
    ];
    expect(explainLeaderChange({ fromId: "a", at: AT }, before, []).likely).toBe(
      "likely: the leader's process was gone: m1 stopped answering (its port refused connections): its last answer came 2.50 s before the election",
    );
  });

  it("sees a transfer in the MoveLeader call the old leader answered", () => {
    const before = [sample(AT - 1000, { moveLeaderTotal: 0 })];
    const after = [sample(AT + 500, { moveLeaderTotal: 1 })];
    expect(explainLeaderChange({ fromId: "a", at: AT }, before, after).evidence).toEqual([
      {
        cause: "transfer",
        memberId: "a",
        summary: "m1 answered a MoveLeader call: a leadership transfer, no fault",
        numbers: { moveLeaderCalls: 1 },
      },
    ]);
  });

  it("reads slow disks and peers against etcd's guidance", () => {
    const before = [
      sample(AT - 1000, {
        walFsyncP99Seconds: 0.4,
        backendCommitP99Seconds: 0.01,
        peerRoundTripP99Seconds: 0.3,
      }),
    ];
    const causes = explainLeaderChange({ fromId: "a", at: AT }, before, []).evidence.map(
      (e) => e.cause,
    );
    expect(causes).toEqual(["slow_disk", "slow_peers"]);
  });
});
