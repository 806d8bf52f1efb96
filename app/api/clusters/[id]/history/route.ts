import { historyQuerySchema, parseQuery } from "@/lib/api/query-schemas";
import { buildHistory } from "@/lib/history/build-history";
import { handleRoute } from "@/lib/server/route-handler";
import { getPoller } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const poller = getPoller(id);
  const { window, points } = parseQuery(historyQuerySchema, new URL(req.url).searchParams);
  return Response.json(
    buildHistory({
      clusterId: id,
      points: poller.history.toArray(),
      members: poller.health?.members ?? [],
      now: Date.now(),
      window,
      maxPoints: points,
    }),
  );
});
