import { byMemberName } from "@/components/members/by-member-name";

/**
 * Series colours that read on light and dark backgrounds and stay clear of the state colours
 * (red, amber, green) the rest of the page uses for health.
 */
const palette = [
  "#3b82f6",
  "#a855f7",
  "#14b8a6",
  "#f97316",
  "#ec4899",
  "#0ea5e9",
  "#8b5cf6",
  "#64748b",
];

/**
 * One colour per member, by name in natural order, so a member keeps its colour in every
 * chart, the table and the timeline, and across reloads.
 */
export function memberColors(
  members: readonly { id: string; name: string }[],
): Map<string, string> {
  const sorted = [...members].sort(byMemberName);
  return new Map(sorted.map((m, i) => [m.id, palette[i % palette.length] ?? "#64748b"]));
}
