/**
 * An upper bound on the peer round trip between two members, from each member's worst peer
 * round-trip p99: a's round trip to b is at most a's worst, and the link is symmetric enough
 * that the smaller of the two bounds is the tighter one. Undefined when neither is known.
 */
export function linkRoundTripBound(
  worstFromA: number | undefined,
  worstFromB: number | undefined,
): number | undefined {
  if (worstFromA === undefined) return worstFromB;
  if (worstFromB === undefined) return worstFromA;
  return Math.min(worstFromA, worstFromB);
}
