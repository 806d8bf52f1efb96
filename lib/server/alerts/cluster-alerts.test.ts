import { describe, expect, it } from "vitest";
import type { MemberScrape } from "../cluster-poller";
import { ClusterAlerts, type ScrapeSource } from "./cluster-alerts";

function fakeSource(memberIds: string[]) {
  const listeners = new Set<(s: MemberScrape) => void>();
  const source = {
    config: { id: "prod", scrapeIntervalMs: 60_000 },
    health: { members: memberIds.map((id) => ({ id })) },
    onScrape(listener: (s: MemberScrape) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as ScrapeSource;
  const scrape = (s: MemberScrape) => {
    for (const l of listeners) l(s);
  };
  return { source, scrape };
}

const hasLeader = (value: number) => [{ name: "etcd_server_has_leader", labels: {}, value }];

describe("ClusterAlerts", () => {
  it("judges the rules from the poller's scrapes and tells every subscriber", () => {
    const { source, scrape } = fakeSource(["a"]);
    const alerts = new ClusterAlerts(source);
    alerts.start();
    try {
      const heard: string[] = [];
      alerts.subscribe((v) => heard.push(v.evaluatedAt ?? ""));
      expect(alerts.current.evaluatedAt).toBeNull();
      scrape({ memberId: "a", at: 1_000, series: hasLeader(0) });
      alerts.evaluate(1_000);
      scrape({ memberId: "a", at: 61_000, series: hasLeader(0) });
      const view = alerts.evaluate(61_000);
      const noLeader = view.rules.find((r) => r.name === "etcdNoLeader");
      expect(noLeader?.state).toBe("firing");
      expect(noLeader?.alerts[0]?.labels.instance).toBe("a");
      expect(heard).toHaveLength(2);
    } finally {
      alerts.stop();
    }
  });

  it("forgets a member that left the cluster", () => {
    const { source, scrape } = fakeSource([]);
    const alerts = new ClusterAlerts(source);
    alerts.start();
    try {
      scrape({ memberId: "gone", at: 1_000, series: hasLeader(0) });
      const view = alerts.evaluate(1_000);
      expect(view.rules.find((r) => r.name === "etcdNoLeader")?.state).toBe("no-data");
    } finally {
      alerts.stop();
    }
  });
});
