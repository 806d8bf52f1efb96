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
 * Where to go after logging in: only a path on this server, so a crafted link cannot bounce a
 * fresh session to another site (`//evil.example` and `/\evil.example` are other hosts to a browser).
 */
export function safeReturnPath(candidate: string | undefined | null): string {
  if (!candidate?.startsWith("/") || candidate.startsWith("//")) return "/";
  if (candidate.includes("\\") || hasControlCharacter(candidate)) return "/";
  if (classifyPath(candidate.split(/[?#]/)[0] ?? "/") !== "page") return "/";
  return candidate;
}

/** The login page's address, remembering where the user was going. */
export function loginPath(returnTo: string): string {
  const target = safeReturnPath(returnTo);
  return target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}
