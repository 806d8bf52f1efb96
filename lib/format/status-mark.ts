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
