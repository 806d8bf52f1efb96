import type { ClusterStatus, QuorumView } from "../health/cluster-health";

/** What a background tab shows: green, amber, or red when quorum is at risk or lost. */
export type StatusMark = "ok" | "warn" | "risk";

/** Red as soon as one more failure would stop writes, or writes have stopped. */
export function statusMark(status: ClusterStatus, quorum: QuorumView): StatusMark {
  if (status === "unavailable" || status === "critical" || quorum.remaining === 0) return "risk";
  return status === "degraded" ? "warn" : "ok";
}

const fills: Record<StatusMark, string> = { ok: "#16a34a", warn: "#d97706", risk: "#dc2626" };

/** A 32×32 SVG favicon as a data URL: a ring of three voters in the status colour. */
export function statusFaviconHref(mark: StatusMark): string {
  const fill = fills[mark];
  const dot = (cx: number, cy: number) => `<circle cx="${cx}" cy="${cy}" r="6" fill="${fill}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#0f172a"/>${dot(16, 8)}${dot(9, 21)}${dot(23, 21)}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const prefixes: Record<StatusMark, string> = { ok: "", warn: "▲ ", risk: "● " };

/** The tab title: a mark a glance can read, the cluster, and what is wrong in a few words. */
export function statusTitle(name: string, status: ClusterStatus, quorum: QuorumView): string {
  const mark = statusMark(status, quorum);
  const state =
    status === "unavailable"
      ? "writes failing"
      : quorum.remaining === 0
        ? "no failure to spare"
        : status;
  return `${prefixes[mark]}${name}: ${state} · Raftscope`;
}

const worse: Record<StatusMark, number> = { ok: 0, warn: 1, risk: 2 };

/**
 * The overview's tab title and mark: the worst cluster's mark, then how many clusters are at
 * risk (writes failing, or one failure from it) and how many are degraded, e.g.
 * "● 2 at risk, 1 degraded · Raftscope"; "etcd clusters · Raftscope" when all are fine. The
 * same rule as a cluster's own tab (statusMark), so both tabs agree.
 */
export function overviewStatus(
  clusters: readonly { status: ClusterStatus; quorum: QuorumView }[],
): { mark: StatusMark; title: string } {
  let mark: StatusMark = "ok";
  let risk = 0;
  let warn = 0;
  for (const c of clusters) {
    const m = statusMark(c.status, c.quorum);
    if (m === "risk") risk++;
    if (m === "warn") warn++;
    if (worse[m] > worse[mark]) mark = m;
  }
  const parts = [
    ...(risk > 0 ? [`${risk} at risk`] : []),
    ...(warn > 0 ? [`${warn} degraded`] : []),
  ];
  const title = parts.length > 0 ? parts.join(", ") : "etcd clusters";
  return { mark, title: `${prefixes[mark]}${title} · Raftscope` };
}
