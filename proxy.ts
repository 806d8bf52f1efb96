import { type NextRequest, NextResponse } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { malformedPathEscape } from "@/lib/api/path-escape";
import { RAW_QUERY_HEADER, rawSearch } from "@/lib/api/raw-query-header";
import { authErrorResponse } from "@/lib/auth/auth-error-response";
import { RateLimitedError, UnauthenticatedError } from "@/lib/auth/auth-errors";
import {
  API_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  securityHeaders,
} from "@/lib/auth/content-security-policy";
import { allowedMethods, classifyPath, loginPath, METRICS_PATH } from "@/lib/auth/route-access";
import { MethodNotAllowedError } from "@/lib/errors";
import { keyPagePathProblem } from "@/lib/keys/key-limits";
import { allowsScrape } from "@/lib/server/auth/allows-scrape";
import { type AuthState, getAuthState } from "@/lib/server/auth/auth-state";
import { authenticate } from "@/lib/server/auth/authenticate";
import { noIdentityPage } from "@/lib/server/auth/no-identity-page";
import { requestFacts } from "@/lib/server/auth/request-facts";

function withSecurityHeaders(res: Response, csp: string): Response {
  for (const [name, value] of Object.entries(securityHeaders(csp))) res.headers.set(name, value);
  return res;
}

/**
 * Runs before every page, API route and the event stream: authenticates the request (see
 * docs/security.md), and gives every answer a per-request CSP nonce and the security headers.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  let state: AuthState;
  try {
    state = getAuthState();
  } catch (err) {
    // Start-up already refused bad settings; failing here means fail closed, quietly.
    console.error("raftscope: auth state unavailable", err);
    return new Response("Internal error; see the server log", { status: 500 });
  }
  const { secure } = requestFacts(state, request.headers);
  const access = classifyPath(request.nextUrl.pathname);
  const pageCsp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: secure,
  });
  // The answer's own policy: headers set here replace a route's, so API answers get the strict one.
  const csp = access === "api" ? API_CONTENT_SECURITY_POLICY : pageCsp;
  const scrape =
    request.nextUrl.pathname.replace(/\/+$/, "") === METRICS_PATH &&
    (await allowsScrape(state, request.headers));
  if (access !== "public" && !scrape) {
    const outcome = await authenticate(state, request.headers);
    if (outcome.kind !== "allowed") {
      if (access === "api") {
        const err =
          outcome.kind === "rate-limited"
            ? new RateLimitedError(outcome.retryAfterMs)
            : new UnauthenticatedError();
        return withSecurityHeaders(authErrorResponse(err), csp);
      }
      // Proxy mode has no login page: sending the browser there would bounce it straight back.
      if (state.settings.mode === "proxy") {
        return withSecurityHeaders(noIdentityPage(state.settings.identityHeader), csp);
      }
      const target = new URL(
        loginPath(request.nextUrl.pathname + request.nextUrl.search),
        request.url,
      );
      const method = request.method.toUpperCase();
      // 303 turns a refused POST into a GET of the login page instead of re-posting to it.
      const status = method === "GET" || method === "HEAD" ? 307 : 303;
      return withSecurityHeaders(NextResponse.redirect(target, status), csp);
    }
  }

  // Refused before rendering: a page's work grows with its path (docs/security.md, URL caps).
  const tooLong = access === "page" ? keyPagePathProblem(request.nextUrl.pathname) : undefined;
  if (tooLong) {
    return withSecurityHeaders(
      new Response(`${tooLong}.\n`, {
        status: 414,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      }),
      csp,
    );
  }

  // Next answers a path it cannot percent-decode with a bare 500; say what is wrong instead.
  const malformed = malformedPathEscape(request.nextUrl.pathname);
  if (malformed) {
    return withSecurityHeaders(
      access === "api"
        ? Response.json(
            { error: { code: "BAD_REQUEST", message: malformed } },
            { status: 400, headers: { "cache-control": "no-store" } },
          )
        : new Response(`${malformed}.\n`, {
            status: 400,
            headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
          }),
      csp,
    );
  }

  // Next answers a method a route does not export with an empty 405; say which ones it takes.
  const allow = allowedMethods(request.nextUrl.pathname);
  const method = request.method.toUpperCase();
  if (allow && !allow.includes(method)) {
    const err = new MethodNotAllowedError(
      `${request.nextUrl.pathname} answers ${allow.join(", ")}, not ${method}`,
      allow,
    );
    const res = errorResponse(err);
    res.headers.set("cache-control", "no-store");
    return withSecurityHeaders(res, csp);
  }

  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set(RAW_QUERY_HEADER, rawSearch(request.url));
  forwarded.set("content-security-policy", pageCsp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: forwarded } }), csp);
}

export const config = {
  // Everything but build output and the icons (app/icon.svg is the favicon; the login page shows
  // it too): pages, /api/*, the stream, and unknown paths, so a 404 reveals nothing either.
  // /login and /api/auth/login pass through the proxy for their headers, without a login.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$|icon\\.svg$).*)"],
};
