import type { TopologyView } from "./topology-view";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NodeLayout {
  name: string;
  rect: Rect;
  /** The member's box; memberId is null when the declared member was not found. */
  member: { memberId: string | null; rect: Rect };
  apiServers: { name: string; rect: Rect }[];
  chips: { label: string; rect: Rect }[];
}

export interface ApiLinkLayout {
  apiServer: string;
  memberId: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PeerLinkLayout {
  a: string;
  b: string;
  /** SVG path data of the arc below the members. */
  d: string;
  labelX: number;
  labelY: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  nodes: NodeLayout[];
  /** API servers that run on none of the drawn nodes: the external tier. */
  apiTier: { name: string; rect: Rect }[];
  apiLinks: ApiLinkLayout[];
  peerLinks: PeerLinkLayout[];
}

const PAD = 16;
const NODE_W = 196;
const GAP = 28;
const HEADER = 30;
const INNER = 10;
const API_H = 36;
const CHIP_H = 22;
const MEMBER_H = 58;
const TIER_W = 180;
const TIER_H = 46;
const TIER_SPACE = 96;
const ARC_BASE = 26;
const ARC_STEP = 20;
const LABEL_ROOM = 22;

function rowStart(count: number, itemWidth: number, total: number): number {
  const row = count * itemWidth + Math.max(0, count - 1) * GAP;
  return (total - row) / 2;
}

const centerX = (r: Rect) => r.x + r.width / 2;

/**
 * Places the diagram: API servers that run on no drawn node in a tier on top, nodes in a row
 * below (each with its API servers, other components and its etcd member at the bottom), and
 * the peer links between members as arcs underneath, deeper the further apart two members are,
 * so no two arcs share a label position.
 */
export function layoutTopology(view: TopologyView): TopologyLayout {
  const onNode = new Set(view.nodes.flatMap((n) => n.apiServers));
  const tierNames = view.apiServers.map((a) => a.name).filter((name) => !onNode.has(name));
  const maxApis = Math.max(0, ...view.nodes.map((n) => n.apiServers.length));
  const hasChips = view.nodes.some((n) => n.components.length > 0);
  const nodeH =
    HEADER + maxApis * (API_H + INNER) + (hasChips ? CHIP_H + INNER : 0) + MEMBER_H + INNER;

  const nodeCount = view.nodes.length;
  const nodesRow = nodeCount * NODE_W + Math.max(0, nodeCount - 1) * GAP;
  const tierRow = tierNames.length * TIER_W + Math.max(0, tierNames.length - 1) * GAP;
  const width = Math.max(nodesRow, tierRow, NODE_W) + 2 * PAD;

  const tierY = PAD;
  const nodeY = tierNames.length > 0 ? tierY + TIER_H + TIER_SPACE : PAD;
  const tierX = rowStart(tierNames.length, TIER_W, width);
  const apiTier = tierNames.map((name, i) => ({
    name,
    rect: { x: tierX + i * (TIER_W + GAP), y: tierY, width: TIER_W, height: TIER_H },
  }));

  const nodeX = rowStart(nodeCount, NODE_W, width);
  const innerW = NODE_W - 2 * INNER;
  const nodes: NodeLayout[] = view.nodes.map((n, i) => {
    const x = nodeX + i * (NODE_W + GAP);
    let y = nodeY + HEADER;
    const apiServers = n.apiServers.map((name) => {
      const rect = { x: x + INNER, y, width: innerW, height: API_H };
      y += API_H + INNER;
      return { name, rect };
    });
    const chipW =
      n.components.length > 0 ? (innerW - (n.components.length - 1) * 6) / n.components.length : 0;
    const chipY = nodeY + nodeH - INNER - MEMBER_H - INNER - CHIP_H;
    const chips = n.components.map((label, j) => ({
      label,
      rect: { x: x + INNER + j * (chipW + 6), y: chipY, width: chipW, height: CHIP_H },
    }));
    return {
      name: n.name,
      rect: { x, y: nodeY, width: NODE_W, height: nodeH },
      member: {
        memberId: n.memberId,
        rect: {
          x: x + INNER,
          y: nodeY + nodeH - INNER - MEMBER_H,
          width: innerW,
          height: MEMBER_H,
        },
      },
      apiServers,
      chips,
    };
  });

  const memberRect = new Map(
    nodes.flatMap((n) => (n.member.memberId ? [[n.member.memberId, n.member.rect] as const] : [])),
  );
  const apiRect = new Map([
    ...apiTier.map((a) => [a.name, a.rect] as const),
    ...nodes.flatMap((n) => n.apiServers.map((a) => [a.name, a.rect] as const)),
  ]);
  const apiLinks: ApiLinkLayout[] = view.apiServers.flatMap((a) => {
    const from = apiRect.get(a.name);
    if (!from) return [];
    return a.memberIds.flatMap((memberId) => {
      const to = memberRect.get(memberId);
      if (!to) return [];
      return [
        {
          apiServer: a.name,
          memberId,
          x1: centerX(from),
          y1: from.y + from.height,
          x2: centerX(to),
          y2: to.y,
        },
      ];
    });
  });

  const baseY = nodeY + nodeH;
  const withMember = nodes.filter((n) => n.member.memberId !== null);
  const peerLinks: PeerLinkLayout[] = [];
  let deepest = 0;
  withMember.forEach((a, i) => {
    withMember.slice(i + 1).forEach((b, k) => {
      const depth = ARC_BASE + ARC_STEP * k;
      deepest = Math.max(deepest, depth);
      const x1 = centerX(a.member.rect);
      const x2 = centerX(b.member.rect);
      const mid = (x1 + x2) / 2;
      peerLinks.push({
        a: a.member.memberId ?? "",
        b: b.member.memberId ?? "",
        // A quadratic curve's apex lies halfway to its control point.
        d: `M ${x1} ${baseY} Q ${mid} ${baseY + 2 * depth} ${x2} ${baseY}`,
        labelX: mid,
        labelY: baseY + depth,
      });
    });
  });

  const height = baseY + (peerLinks.length > 0 ? deepest + LABEL_ROOM : 0) + PAD;
  return { width, height, nodes, apiTier, apiLinks, peerLinks };
}
