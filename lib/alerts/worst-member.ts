import type { MemberSample } from "../history/history-point";
import type { AlertContext, Measurement } from "./alert-rule";

/**
 * The extreme of a per-member value at one point, as the mixin's rules fire on any instance:
 * the highest (or lowest) member decides. Null when no member has the value.
 */
export function worstMember(
  ctx: AlertContext,
  index: number,
  read: (sample: MemberSample, memberId: string) => number | undefined,
  holds: (value: number) => boolean,
  pick: "max" | "min" = "max",
): Measurement | null {
  const point = ctx.points[index];
  if (!point) return null;
  let best: { value: number; memberId: string } | null = null;
  for (const [memberId, sample] of Object.entries(point.members)) {
    const v = read(sample, memberId);
    if (v === undefined || !Number.isFinite(v)) continue;
    if (!best || (pick === "max" ? v > best.value : v < best.value)) best = { value: v, memberId };
  }
  return best ? { ...best, holds: holds(best.value) } : null;
}
