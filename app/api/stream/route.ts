import { UnauthenticatedError } from "@/lib/auth/auth-errors";
import { getAuthState } from "@/lib/server/auth/auth-state";
import { authenticate } from "@/lib/server/auth/authenticate";
import { openHealthStream } from "@/lib/server/health-stream";
import { handleRoute } from "@/lib/server/route-handler";
import { getRuntime } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

/**
 * One stream for the overview: every cluster's verdicts and events on one connection (a
 * browser allows six per host over HTTP/1.1). Alert states stay on each cluster's own stream.
 */
export const GET = handleRoute(async (req: Request) => {
  const pollers = [...getRuntime().pollers.values()];
  // Checked here too, for the session's expiry: the stream closes when the login ends.
  const outcome = await authenticate(getAuthState(), req.headers);
  if (outcome.kind !== "allowed") throw new UnauthenticatedError();
  return openHealthStream(
    pollers.map((poller) => ({ poller })),
    req.signal,
    outcome.sessionExpiresAt,
  );
});
