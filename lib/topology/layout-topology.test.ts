import { describe, expect, it } from "vitest";
import { buildTopology } from "./build-topology";
import { layoutTopology, type Rect } from "./layout-topology";
import type { TopologyMember } from "./topology-member";

const members = (n: number): TopologyMember[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `id${i + 1}`,
    name: `m${i + 1}`,
    peerUrls: [`https://10.0.0.${i + 1}:2380`],
    clientUrls: [`https://10.0.0.${i + 1}:2379`],
  }));

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("layoutTopology: stacked", () => {
  const view = buildTopology(
    {
      mode: "stacked",
      nodes: [1, 2, 3].map((i) => ({
        name: `cp-${i}`,
        address: `10.0.0.${i}`,
        roles: ["control-plane", "etcd", "kube-apiserver"],
      })),
      apiServers: [1, 2, 3].map((i) => ({
        name: `api-${i}`,
        node: `cp-${i}`,
        etcdServers: ["https://127.0.0.1:2379"],
      })),
    },
    members(3),
  );
  const layout = layoutTopology(view);

  it("draws each node's member and API server inside the node's box, without overlap", () => {
    expect(layout.nodes).toHaveLength(3);
    expect(layout.apiTier).toEqual([]);
    for (const n of layout.nodes) {
      expect(inside(n.member.rect, n.rect)).toBe(true);
      for (const a of n.apiServers) {
        expect(inside(a.rect, n.rect)).toBe(true);
        expect(overlaps(a.rect, n.member.rect)).toBe(false);
      }
      for (const c of n.chips) expect(inside(c.rect, n.rect)).toBe(true);
    }
    layout.nodes.slice(1).forEach((n, i) => {
      const before = layout.nodes[i];
      expect(before && overlaps(before.rect, n.rect)).toBe(false);
    });
  });

  it("links each API server to its own member and every member pair once", () => {
    expect(layout.apiLinks.map((l) => [l.apiServer, l.memberId])).toEqual([
      ["api-1", "id1"],
      ["api-2", "id2"],
      ["api-3", "id3"],
    ]);
    expect(layout.peerLinks.map((l) => `${l.a}-${l.b}`)).toEqual(["id1-id2", "id1-id3", "id2-id3"]);
  });

  it("fits everything, arcs included, in the reported size", () => {
    for (const n of layout.nodes) {
      expect(n.rect.x + n.rect.width).toBeLessThanOrEqual(layout.width);
      expect(n.rect.y + n.rect.height).toBeLessThanOrEqual(layout.height);
    }
    for (const l of layout.peerLinks) expect(l.labelY).toBeLessThan(layout.height);
  });
});

describe("layoutTopology: external", () => {
  const view = buildTopology(
    {
      mode: "external",
      nodes: [1, 2, 3, 4, 5].map((i) => ({
        name: `etcd-${i}`,
        address: `10.0.0.${i}`,
        roles: ["etcd"],
      })),
      apiServers: [
        { name: "api-a", etcdServers: [1, 2, 3, 4, 5].map((i) => `https://10.0.0.${i}:2379`) },
        { name: "api-b", etcdServers: ["https://10.0.0.1:2379"] },
      ],
    },
    members(5),
  );
  const layout = layoutTopology(view);

  it("puts the API servers in a tier above the etcd nodes", () => {
    expect(layout.apiTier.map((a) => a.name)).toEqual(["api-a", "api-b"]);
    const tierBottom = Math.max(...layout.apiTier.map((a) => a.rect.y + a.rect.height));
    for (const n of layout.nodes) expect(n.rect.y).toBeGreaterThan(tierBottom);
  });

  it("draws a line from each API server to every endpoint member, downwards", () => {
    expect(layout.apiLinks.filter((l) => l.apiServer === "api-a")).toHaveLength(5);
    expect(layout.apiLinks.filter((l) => l.apiServer === "api-b")).toHaveLength(1);
    for (const l of layout.apiLinks) expect(l.y2).toBeGreaterThan(l.y1);
  });

  it("gives every peer arc its own label position", () => {
    expect(layout.peerLinks).toHaveLength(10);
    const spots = new Set(layout.peerLinks.map((l) => `${l.labelX},${l.labelY}`));
    expect(spots.size).toBe(10);
  });
});

describe("layoutTopology: sizes", () => {
  it.each([1, 2, 3, 5, 7])("lays out %i members side by side", (n) => {
    const layout = layoutTopology(buildTopology(undefined, members(n)));
    expect(layout.nodes).toHaveLength(n);
    expect(layout.peerLinks).toHaveLength((n * (n - 1)) / 2);
    expect(layout.width).toBeGreaterThan(0);
  });
});
