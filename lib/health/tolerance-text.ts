import type { HealthWarning, QuorumView } from "./cluster-health";

/** The headline sentence: how many more member failures the cluster can take right now. */
export function toleranceText(
  quorum: QuorumView,
  writable: boolean | null,
  warnings: readonly Pick<HealthWarning, "code" | "message">[] = [],
): string {
  if (writable === null || quorum.margin === null || quorum.remaining === null) {
    return (
      warnings.find((w) => w.code === "RAFTSCOPE_BLIND")?.message ??
      "Raftscope cannot see the cluster right now"
    );
  }
  if (quorum.voters === 0) return "No member answered: cluster state unknown";
  if (quorum.margin < 0) return "Quorum lost: writes are failing";
  if (!writable && warnings.some((w) => w.code === "ALARM_NOSPACE")) {
    return "NOSPACE alarm: writes are refused until space is freed and the alarm disarmed";
  }
  if (!writable) return "No leader: writes are failing until one is elected";
  if (quorum.remaining === 0) return "Can lose no more members: one more failure stops writes";
  return `Can lose ${quorum.remaining} more member${quorum.remaining === 1 ? "" : "s"} before writes stop`;
}
