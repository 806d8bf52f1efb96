import { authErrorResponse } from "@/lib/auth/auth-error-response";
import { UnauthenticatedError } from "@/lib/auth/auth-errors";
import type { SessionInfo } from "@/lib/auth/auth-user";
import { getAuthState } from "@/lib/server/auth/auth-state";
import { authenticate } from "@/lib/server/auth/authenticate";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request) => {
  const state = getAuthState();
  const outcome = await authenticate(state, req.headers);
  if (outcome.kind !== "allowed") return authErrorResponse(new UnauthenticatedError());
  const body: SessionInfo = { mode: state.settings.mode, user: outcome.user };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
