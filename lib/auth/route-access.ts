import { hasControlCharacter } from "./has-control-character";

/**
 * Paths anyone may reach: the login page, the endpoint it posts to, and the liveness and
 * readiness probes (kubelet and Docker's HEALTHCHECK carry no credentials; both answer only
 * ok / not ok).
 */
const publicPaths = new Set(["/login", "/api/auth/login", "/api/healthz", "/api/readyz"]);

/** Raftscope's own Prometheus metrics; a scrape token may open it (RAFTSCOPE_METRICS_TOKEN_FILE). */
export const METRICS_PATH = "/metrics";

export type RouteAccess = "public" | "api" | "page";

/** How an unauthenticated request to `pathname` is answered: let through, 401, or sent to /login. */
export function classifyPath(pathname: string): RouteAccess {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (publicPaths.has(normalized)) return "public";
  // /metrics is read by Prometheus, not a browser: a refusal is a 401, never a redirect to /login.
  if (normalized === METRICS_PATH) return "api";
  return normalized === "/api" || normalized.startsWith("/api/") ? "api" : "page";
}

/**
 * The API paths that take a POST: logging in and out, and a consistency check on demand (which
 * also answers GET). Raftscope never writes to etcd; nothing under /api takes PUT, PATCH or
 * DELETE.
 */
const postPaths: ReadonlyArray<{ pattern: RegExp; alsoGet: boolean }> = [
  { pattern: /^\/api\/auth\/(login|logout)$/, alsoGet: false },
  { pattern: /^\/api\/clusters\/[^/]+\/consistency$/, alsoGet: true },
];

/**
 * The methods an API path (or /metrics) answers, for a 405's Allow header; undefined for pages
 * (the login page among them), which Next answers itself. A path that matches no route still answers GET with its JSON 404.
 */
export function allowedMethods(pathname: string): readonly string[] | undefined {
  const normalized = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  const api = normalized === "/api" || normalized.startsWith("/api/");
  if (!api && normalized !== METRICS_PATH) return undefined;
  const post = postPaths.find((p) => p.pattern.test(normalized));
  if (!post) return ["GET", "HEAD"];
  return post.alsoGet ? ["GET", "HEAD", "POST"] : ["POST"];
}

// Only an origin to resolve against: what is kept is a path, which the browser reads against
// whatever origin it is on.
const APP_ORIGIN = "http://raftscope.invalid";

/**
 * Where to go after logging in: `candidate` resolved against the app's own origin with the URL
 * API (WHATWG URL: dot segments, backslashes and percent-encoded dots as a browser reads them),
 * kept only when the result is same-origin and a page, and returned as the normalised path, so
 * the browser sees exactly what was checked. "/" otherwise. `/.//evil.example` resolves to the
 * path `//evil.example`, which a browser reads as another host when sent alone: refused too.
 */
export function safeReturnPath(candidate: string | undefined | null): string {
  if (!candidate || candidate.includes("\\") || hasControlCharacter(candidate)) return "/";
  let url: URL;
  try {
    url = new URL(candidate, APP_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== APP_ORIGIN || url.username || url.password) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || new URL(path, APP_ORIGIN).origin !== APP_ORIGIN) return "/";
  if (classifyPath(url.pathname) !== "page") return "/";
  return path;
}

/** The login page's address, remembering where the user was going. */
export function loginPath(returnTo: string): string {
  const target = safeReturnPath(returnTo);
  return target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}
