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

/** A link's round trip as the dashboard labels it: measured, or only bounded. */
export type LinkRoundTrip = { kind: "measured" | "bound"; seconds: number };

/**
 * The round trip between members a and b: the slower direction of the p99s each member measured
 * to the other when known, otherwise the bound from each member's worst peer.
 */
export function linkRoundTrip(
  toPeerFromA: Readonly<Record<string, number>> | undefined,
  toPeerFromB: Readonly<Record<string, number>> | undefined,
  a: string,
  b: string,
  worstFromA: number | undefined,
  worstFromB: number | undefined,
): LinkRoundTrip | undefined {
  const measured = [toPeerFromA?.[b], toPeerFromB?.[a]].filter((v): v is number => v !== undefined);
  if (measured.length > 0) return { kind: "measured", seconds: Math.max(...measured) };
  const bound = linkRoundTripBound(worstFromA, worstFromB);
  return bound === undefined ? undefined : { kind: "bound", seconds: bound };
}
