import { describe, expect, it } from "vitest";
import { quorumOf } from "../health/quorum";
import { overviewStatus, statusFaviconHref, statusMark, statusTitle } from "./status-mark";

describe("statusMark", () => {
  it("is red once no failure is left to spare", () => {
    expect(statusMark("critical", quorumOf(3, 2))).toBe("risk");
    expect(statusMark("unavailable", quorumOf(3, 1))).toBe("risk");
    expect(statusMark("degraded", quorumOf(3, 3))).toBe("warn");
    expect(statusMark("healthy", quorumOf(3, 3))).toBe("ok");
    // A single member never has a failure to spare.
    expect(statusMark("healthy", quorumOf(1, 1))).toBe("risk");
  });

  it("titles the tab with the mark and what is wrong", () => {
    expect(statusTitle("prod", "healthy", quorumOf(3, 3))).toBe("prod: healthy · Raftscope");
    expect(statusTitle("prod", "critical", quorumOf(3, 2))).toBe(
      "● prod: no failure to spare · Raftscope",
    );
    expect(statusTitle("prod", "unavailable", quorumOf(3, 1))).toBe(
      "● prod: writes failing · Raftscope",
    );
  });

  it("draws the favicon in the status colour", () => {
    expect(decodeURIComponent(statusFaviconHref("risk"))).toContain('fill="#dc2626"');
  });
});

describe("overviewStatus", () => {
  it("titles the overview's tab with the worst mark and how many clusters need attention", () => {
    const healthy = { status: "healthy" as const, quorum: quorumOf(3, 3) };
    const atRisk = { status: "critical" as const, quorum: quorumOf(3, 2) };
    const degraded = { status: "degraded" as const, quorum: quorumOf(3, 3) };
    expect(overviewStatus([healthy, healthy])).toEqual({
      mark: "ok",
      title: "etcd clusters · Raftscope",
    });
    expect(overviewStatus([healthy, degraded])).toEqual({
      mark: "warn",
      title: "▲ 1 degraded · Raftscope",
    });
    expect(overviewStatus([atRisk, degraded, atRisk, healthy])).toEqual({
      mark: "risk",
      title: "● 2 at risk, 1 degraded · Raftscope",
    });
    expect(overviewStatus([])).toEqual({ mark: "ok", title: "etcd clusters · Raftscope" });
  });
});
