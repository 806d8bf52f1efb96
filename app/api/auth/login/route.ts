import { NextResponse } from "next/server";
import { authErrorResponse } from "@/lib/auth/auth-error-response";
import { RateLimitedError, UnauthenticatedError } from "@/lib/auth/auth-errors";
import { type LoginResponse, loginRequestSchema } from "@/lib/auth/login-request";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session-payload";
import { NotFoundError } from "@/lib/errors";
import { getAuthState } from "@/lib/server/auth/auth-state";
import { logIn } from "@/lib/server/auth/log-in";
import { readJsonBody } from "@/lib/server/auth/read-json-body";
import { requestFacts } from "@/lib/server/auth/request-facts";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (req: Request) => {
  const state = getAuthState();
  const { clientAddress, secure } = requestFacts(state, req.headers);
  const { token } = loginRequestSchema.parse(await readJsonBody(req));
  const outcome = await logIn(state, token, clientAddress);
  switch (outcome.kind) {
    case "not-token-mode":
      throw new NotFoundError(`There is no login in auth mode ${state.settings.mode}`);
    case "rate-limited":
      return authErrorResponse(new RateLimitedError(outcome.retryAfterMs));
    case "wrong-token":
      return authErrorResponse(new UnauthenticatedError("Wrong token"));
    case "signed-in": {
      const body: LoginResponse = {
        user: { name: outcome.payload.user, method: "session" },
        expiresAt: new Date(outcome.payload.expiresAt).toISOString(),
      };
      const res = NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
      res.cookies.set(
        SESSION_COOKIE,
        outcome.cookieValue,
        sessionCookieOptions(outcome.payload, secure),
      );
      return res;
    }
  }
});
