/** Members in natural name order (m2 before m10), the order every list on the page uses. */
export function byMemberName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, "en", { numeric: true });
}
