import "server-only";
import { readBearerToken } from "../../auth/read-cookie";
import type { AuthState } from "./auth-state";

/**
 * Whether a request to GET /metrics carries the scrape token (`Authorization: Bearer <token>`,
 * as Prometheus' `authorization` scrape setting sends it). The token opens nothing else; a request
 * without it is judged by the ordinary rules, so the login token works for /metrics too.
 */
export async function allowsScrape(state: AuthState, headers: Headers): Promise<boolean> {
  if (!state.metricsToken) return false;
  const bearer = readBearerToken(headers.get("authorization"));
  return bearer !== undefined && (await state.metricsToken.verify(bearer)) === "ok";
}
