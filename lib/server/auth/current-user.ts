import "server-only";
import { headers } from "next/headers";
import type { AuthUser } from "../../auth/auth-user";
import { getAuthState } from "./auth-state";
import { authenticate } from "./authenticate";

/**
 * The signed-in user for a server component, checked again rather than taken from proxy.ts, so
 * a page rendered without the proxy still shows nobody. Reading the request headers also makes
 * every page that calls it render per request, which the CSP nonce needs.
 */
export async function getCurrentUser(): Promise<AuthUser | undefined> {
  const outcome = await authenticate(getAuthState(), await headers());
  return outcome.kind === "allowed" ? outcome.user : undefined;
}
