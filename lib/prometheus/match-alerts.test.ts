import { describe, expect, it } from "vitest";
import { matchAlerts } from "./match-alerts";

const down = { alertname: "etcdMembersDown", job: "etcd", severity: "critical" };
const slow = {
  alertname: "etcdHighFsyncDurations",
  job: "etcd",
  instance: "10.0.0.1:2379",
  severity: "warning",
};

describe("matchAlerts", () => {
  it("keeps the selector's ALERTS series, with annotations and activeAt from /api/v1/alerts", () => {
    const out = matchAlerts(
      [
        { labels: { __name__: "ALERTS", alertstate: "pending", ...slow } },
        { labels: { __name__: "ALERTS", alertstate: "firing", ...down } },
      ],
      [
        {
          labels: down,
          annotations: { summary: "etcd cluster members are down." },
          state: "firing",
          activeAt: "2026-11-29T13:00:00Z",
        },
        { labels: slow, annotations: { description: "fsync p99 is slow" }, state: "pending" },
        { labels: { alertname: "OtherCluster", job: "other" }, annotations: {}, state: "firing" },
      ],
    );
    expect(out).toEqual([
      {
        name: "etcdMembersDown",
        state: "firing",
        severity: "critical",
        activeAt: "2026-11-29T13:00:00Z",
        summary: "etcd cluster members are down.",
        labels: down,
      },
      {
        name: "etcdHighFsyncDurations",
        state: "pending",
        severity: "warning",
        activeAt: null,
        summary: "fsync p99 is slow",
        labels: slow,
      },
    ]);
  });

  it("shows an alert without annotations when /api/v1/alerts no longer lists it", () => {
    const out = matchAlerts(
      [{ labels: { __name__: "ALERTS", alertstate: "firing", ...down } }],
      [],
    );
    expect(out[0]).toMatchObject({ name: "etcdMembersDown", summary: null, activeAt: null });
  });
});
