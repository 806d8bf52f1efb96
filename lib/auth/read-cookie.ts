/**
 * One cookie's value from a Cookie header. Server components, route handlers and proxy.ts each
 * hold the request's headers, so one reader serves all three.
 */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function readBearerToken(header: string | null): string | undefined {
  const match = header?.match(/^Bearer[ \t]+([^\s]{1,1024})[ \t]*$/i);
  return match?.[1];
}
