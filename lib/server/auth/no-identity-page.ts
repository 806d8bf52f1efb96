import "server-only";

/** Why a proxy-mode request got no identity, in words for whoever runs the proxy. */
export function noIdentityMessage(identityHeader: string): string {
  return `Raftscope takes the signed-in user from the ${identityHeader} header sent by your sign-in proxy, and this request did not come through it with one. Open Raftscope through the proxy's address; if you did, ask whoever runs the proxy to send ${identityHeader} and to list the proxy in RAFTSCOPE_AUTH_PROXY_ADDRESSES.`;
}

/**
 * The one answer a proxy-mode page request without a trusted identity gets: 401 and a short
 * page saying why, rather than a redirect to a login page that proxy mode does not have.
 */
export function noIdentityPage(identityHeader: string): Response {
  const text = noIdentityMessage(identityHeader)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not signed in · Raftscope</title></head><body><main><h1>Not signed in</h1><p>${text}</p></main></body></html>`;
  return new Response(html, {
    status: 401,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
