import { UnauthenticatedError } from "@/lib/auth/auth-errors";
import { getAuthState } from "@/lib/server/auth/auth-state";
import { authenticate } from "@/lib/server/auth/authenticate";
import { openHealthStream } from "@/lib/server/health-stream";
import { handleRoute } from "@/lib/server/route-handler";
import { getAlerts, getPoller } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const poller = getPoller(id);
  // Checked here too, for the session's expiry: the stream closes when the login ends.
  const outcome = await authenticate(getAuthState(), req.headers);
  if (outcome.kind !== "allowed") throw new UnauthenticatedError();
  return openHealthStream(
    [{ poller, alerts: getAlerts(id), watch: () => poller.watch() }],
    req.signal,
    outcome.sessionExpiresAt,
  );
});
