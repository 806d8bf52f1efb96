import { handleRoute } from "@/lib/server/route-handler";
import { getAlerts } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return Response.json(getAlerts(id).current);
});
