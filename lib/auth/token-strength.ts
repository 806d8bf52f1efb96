export const MIN_TOKEN_LENGTH = 16;
export const MAX_TOKEN_LENGTH = 1024;
/** Shannon estimate over the token's own characters; `openssl rand -base64 32` gives about 190. */
export const MIN_TOKEN_BITS = 48;

/** Bits of the token estimated from its character frequencies (length × Shannon entropy). */
export function estimatedBits(token: string): number {
  const counts = new Map<string, number>();
  for (const ch of token) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / token.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * token.length;
}

/** The shortest unit the token repeats ("ab" for "abababab"), or undefined. */
function repeatedUnit(token: string): string | undefined {
  for (let p = 1; p <= token.length / 2; p++) {
    if (token.length % p === 0 && token.slice(p) === token.slice(0, -p)) return token.slice(0, p);
  }
  return undefined;
}

/**
 * Why `bytes` cannot be the login token, or undefined. The token must be sendable as
 * `Authorization: Bearer <token>`: visible ASCII without spaces (RFC 9110 field values; RFC 6750's
 * b64token is narrower still), 16–1024 characters, not one unit repeated, and at least
 * MIN_TOKEN_BITS by character frequency. A heuristic floor, not proof of strength.
 */
export function tokenProblem(bytes: Uint8Array): string | undefined {
  const bad = bytes.findIndex((b) => b < 0x21 || b > 0x7e);
  if (bad >= 0) {
    const byte = bytes[bad] ?? 0;
    const what =
      byte === 0x20
        ? "a space"
        : byte >= 0x80
          ? `byte 0x${byte.toString(16)}, which is not ASCII (a Bearer header cannot carry it)`
          : `control byte 0x${byte.toString(16).padStart(2, "0")}`;
    return `holds ${what} at position ${bad + 1}; a token must be visible ASCII without spaces so it can be sent as a Bearer token`;
  }
  const token = String.fromCharCode(...bytes);
  if (token.length < MIN_TOKEN_LENGTH || token.length > MAX_TOKEN_LENGTH) {
    return `must hold one line of ${MIN_TOKEN_LENGTH} to ${MAX_TOKEN_LENGTH} characters; it has ${token.length}`;
  }
  const unit = repeatedUnit(token);
  if (unit !== undefined) {
    return `is ${JSON.stringify(unit.length > 8 ? `${unit.slice(0, 8)}…` : unit)} repeated, which anyone could guess`;
  }
  const bits = estimatedBits(token);
  if (bits < MIN_TOKEN_BITS) {
    return `is too predictable (about ${Math.floor(bits)} bits by its character frequencies; at least ${MIN_TOKEN_BITS} are needed)`;
  }
  return undefined;
}
