/**
 * The page's Content-Security-Policy. Scripts run only with this response's nonce; Next puts it
 * on its own inline and bundle scripts when it finds it in the request's CSP header, and
 * 'strict-dynamic' lets those load the chunks they import. Inline style attributes stay allowed:
 * recharts and React's `style` props write them and they cannot run code. A nonce in style-src
 * would switch 'unsafe-inline' off, so there is none.
 */
export function contentSecurityPolicy(opts: {
  nonce: string;
  /** `next dev` rebuilds server stacks with eval; production never needs it. */
  dev: boolean;
  https: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // On plain http (loopback) this would rewrite every asset to an https URL that is not served.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The policy of every /api/* answer: data, never a document, so nothing may load, run or frame
 * it. As strict as the raw download's own `default-src 'none'; sandbox`, which proxy.ts would
 * otherwise replace with the page policy.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers on every answer Raftscope sends through proxy.ts, pages and API alike. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}
