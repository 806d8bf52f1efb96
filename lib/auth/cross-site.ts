import { RaftscopeError } from "../errors";

/** A request another site made the browser send: refused with 403. */
export class CrossSiteRequestError extends RaftscopeError {
  constructor(reason: string) {
    super("FORBIDDEN", `Refused a cross-site request: ${reason}`);
  }
}

/** Content types a page on another site can POST without a CORS preflight (Fetch standard). */
const SIMPLE_CONTENT_TYPES = [
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
];

interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Why a state-changing request looks sent by another site, or null when it does not. A
 * browser's Sec-Fetch-Site decides when present (only "same-origin" passes); otherwise the
 * Origin, when present, must name the Host the request was sent to. Bodies of the types a form
 * can post without a preflight are refused outright. Clients that are not browsers send
 * neither header and pass; they still need a login. (Fetch Metadata, W3C; RFC 6454 Origin.)
 */
export function crossSiteProblem(headers: HeaderReader): string | null {
  const contentType = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType && SIMPLE_CONTENT_TYPES.includes(contentType)) {
    return `a ${contentType} body, which any site can post`;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" ? null : `Sec-Fetch-Site is ${site}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin ${JSON.stringify(origin)} is not a URL`;
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return originHost === host ? null : `Origin ${origin} is not this server (${host ?? "no Host"})`;
}

/** Throws CrossSiteRequestError when `crossSiteProblem` finds one. */
export function assertSameSite(headers: HeaderReader): void {
  const problem = crossSiteProblem(headers);
  if (problem) throw new CrossSiteRequestError(problem);
}
