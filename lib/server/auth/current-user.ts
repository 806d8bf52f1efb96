import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import type { AuthUser } from "../../auth/auth-user";
import { getAuthState } from "./auth-state";
import { authenticate } from "./authenticate";

/**
 * The signed-in user for a server component, checked again rather than taken from proxy.ts, so
 * a page rendered without the proxy still shows nobody. Reading the request headers also makes
 * every page that calls it render per request, which the CSP nonce needs. Cached per request
 * (React `cache`): the layout and the page share one check, so a wrong Bearer token counts once.
 */
export const getCurrentUser = cache(async (): Promise<AuthUser | undefined> => {
  const outcome = await authenticate(getAuthState(), await headers());
  return outcome.kind === "allowed" ? outcome.user : undefined;
});
