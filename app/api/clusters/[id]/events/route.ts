import { eventsQuerySchema, parseQuery } from "@/lib/api/query-schemas";
import { handleRoute } from "@/lib/server/route-handler";
import { getPoller } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const poller = getPoller(id);
  const { limit } = parseQuery(eventsQuerySchema, new URL(req.url).searchParams);
  return Response.json(poller.events.recent(limit));
});
