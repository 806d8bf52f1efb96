import { describe, expect, it } from "vitest";
import { fleetFromSeries } from "./fleet-from-series";

const eu = { instance: "10.0.0.5:3000", job: "raftscope", url: "https://raftscope-eu.example/" };
const us = { instance: "10.1.0.5:3000", job: "raftscope" };

function cluster(base: Record<string, string>, id: string, status: string, remaining: number) {
  const l = { ...base, cluster: id };
  return [
    { labels: { __name__: "raftscope_cluster_info", ...l, name: `Prod ${id}` }, value: 1 },
    { labels: { __name__: "raftscope_cluster_known", ...l }, value: 1 },
    {
      labels: { __name__: "raftscope_cluster_status", ...l, state: "healthy" },
      value: Number(status === "healthy"),
    },
    {
      labels: { __name__: "raftscope_cluster_status", ...l, state: "critical" },
      value: Number(status === "critical"),
    },
    { labels: { __name__: "raftscope_cluster_writable", ...l }, value: 1 },
    { labels: { __name__: "raftscope_cluster_remaining_failures", ...l }, value: remaining },
    { labels: { __name__: "raftscope_cluster_voters", ...l }, value: 3 },
    { labels: { __name__: "raftscope_cluster_healthy_voters", ...l }, value: 2 + remaining },
  ];
}

describe("fleetFromSeries", () => {
  it("lists each cluster per Raftscope, most urgent first, linked by url label or mapping", () => {
    const out = fleetFromSeries(
      [...cluster(eu, "eu-1", "healthy", 1), ...cluster(us, "us-1", "critical", 0)],
      [
        { labels: eu, value: 1 },
        { labels: us, value: 1 },
      ],
      [],
      { "10.1.0.5:3000": "https://raftscope-us.example" },
    );
    expect(out.map((c) => [c.id, c.status, c.href])).toEqual([
      ["us-1", "critical", "https://raftscope-us.example/clusters/us-1"],
      ["eu-1", "healthy", "https://raftscope-eu.example/clusters/eu-1"],
    ]);
    expect(out[1]).toMatchObject({
      name: "Prod eu-1",
      instance: "10.0.0.5:3000",
      scraped: true,
      known: true,
      writable: true,
      remaining: 1,
      voters: 3,
      healthyVoters: 3,
    });
  });

  it("keeps a cluster whose Raftscope stopped answering, unknown and ahead of healthy ones", () => {
    const out = fleetFromSeries(
      cluster(eu, "eu-1", "healthy", 1),
      [
        { labels: eu, value: 1 },
        { labels: us, value: 0 },
      ],
      [{ labels: { ...us, cluster: "us-1", name: "Prod us-1" }, value: 1 }],
    );
    expect(out.map((c) => c.id)).toEqual(["us-1", "eu-1"]);
    expect(out[0]).toMatchObject({ scraped: false, known: false, status: null, href: null });
  });

  it("exports no verdict for a cluster its Raftscope cannot see", () => {
    const l = { ...eu, cluster: "lab" };
    const out = fleetFromSeries(
      [
        { labels: { __name__: "raftscope_cluster_known", ...l }, value: 0 },
        { labels: { __name__: "raftscope_cluster_remaining_failures", ...l }, value: 0 },
      ],
      [{ labels: eu, value: 1 }],
    );
    expect(out[0]).toMatchObject({ known: false, remaining: null, status: null });
  });
});
