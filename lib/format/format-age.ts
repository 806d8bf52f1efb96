/** How long ago something happened, coarsely: "just now", "42 s ago", "5 min ago", "3 h ago". */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1000) return "just now";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}
