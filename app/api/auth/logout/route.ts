import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session-payload";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

// A plain form post from the user menu; 303 sends the browser on to the login page with a GET.
// The Location stays relative: behind a reverse proxy the server does not know its public host.
export const POST = handleRoute(async () => {
  const res = new NextResponse(null, { status: 303, headers: { Location: "/login" } });
  res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "strict", path: "/", maxAge: 0 });
  return res;
});
