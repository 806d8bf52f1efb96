import { assertSameSite } from "@/lib/auth/cross-site";
import { getConsistencyChecker } from "@/lib/server/consistency/consistency-checkers";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = handleRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return Response.json(getConsistencyChecker(id).latest);
});

/** Runs a check now (Status and HashKV only: reads), or joins the one running. */
export const POST = handleRoute(async (req: Request, ctx: Ctx) => {
  assertSameSite(req.headers);
  const { id } = await ctx.params;
  return Response.json(await getConsistencyChecker(id).run("on-demand"));
});
