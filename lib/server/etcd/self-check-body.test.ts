import { describe, expect, it } from "vitest";
import { healthCheck, parseVerboseChecks } from "./self-check-body";

// Answers captured from etcd 3.5.30 in Raftscope's harness.
const READY =
  "[+]serializable_read ok\n[+]linearizable_read ok\n[+]non_learner ok\n[+]data_corruption ok\nok\n";
const NOT_READY =
  "[+]serializable_read ok\n[-]linearizable_read failed: reason withheld\n[+]non_learner ok\n[+]data_corruption ok\nreadyz check failed\n";

describe("self-check bodies", () => {
  it("reads each check of /readyz?verbose", () => {
    const checks = parseVerboseChecks("readyz", READY, 5);
    expect(checks.map((c) => [c.name, c.ok])).toEqual([
      ["serializable_read", true],
      ["linearizable_read", true],
      ["non_learner", true],
      ["data_corruption", true],
    ]);
  });

  it("names a failing check, without etcd's 'reason withheld'", () => {
    const failing = parseVerboseChecks("readyz", NOT_READY, 5).filter((c) => !c.ok);
    expect(failing).toEqual([
      { endpoint: "readyz", name: "linearizable_read", ok: false, checkedAt: 5 },
    ]);
  });

  it("gives no checks for a body that is not a check list (an older member's 404 page)", () => {
    expect(parseVerboseChecks("livez", "404 page not found\n", 5)).toEqual([]);
  });

  it("turns /health's reason into the check's detail", () => {
    expect(healthCheck('{"health":"false","reason":"RAFT NO LEADER"}', 5)).toEqual({
      endpoint: "health",
      name: "health",
      ok: false,
      detail: "RAFT NO LEADER",
      checkedAt: 5,
    });
  });
});
