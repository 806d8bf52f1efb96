/** The peer of the TCP connection, as scripts/start.mjs stamped it; undefined under `next start`. */
export type Peer = string | undefined;

/**
 * The address a request came from, for rate limiting and logs. Only a trusted proxy's
 * X-Forwarded-For is believed, read right to left past every trusted hop, because each proxy
 * appends what it saw and only the entries it appended can be trusted.
 * Without a known peer the answer is "unknown": a client-chosen X-Forwarded-For would let one
 * guesser spread attempts over any number of made-up addresses.
 */
export function resolveClientAddress(
  peer: Peer,
  forwardedFor: string | null,
  isTrusted: (address: string) => boolean,
): string {
  if (peer === undefined) return "unknown";
  if (!isTrusted(peer)) return peer;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop !== undefined && !isTrusted(hop)) return hop;
  }
  return hops[0] ?? peer;
}

/**
 * Whether the browser reached Raftscope over https. Raftscope itself only speaks http, so https
 * means a TLS-terminating proxy said so in X-Forwarded-Proto, believed from a trusted proxy or,
 * with no known peer, from anyone: a false "https" only makes the cookie Secure, which locks out
 * the client that lied and nobody else. (Next builds `request.url` from the same header, so its
 * protocol is no better evidence.)
 */
export function isSecureRequest(
  peer: Peer,
  forwardedProto: string | null,
  isTrusted: (address: string) => boolean,
): boolean {
  const first = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return first === "https" && (peer === undefined || isTrusted(peer));
}

/** Splits the `<key> <address>` stamp that scripts/start.mjs writes into the request. */
export function splitPeerStamp(value: string | null): { key: string; address: string } | undefined {
  if (!value) return undefined;
  const space = value.indexOf(" ");
  if (space <= 0) return undefined;
  const address = value.slice(space + 1).trim();
  return address ? { key: value.slice(0, space), address } : undefined;
}

/** `::ffff:10.0.0.5`, as a dual-stack socket reports an IPv4 client, is `10.0.0.5`. */
export function normalizeAddress(address: string): string {
  const mapped = address.match(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i);
  return mapped?.[1] ?? address;
}
