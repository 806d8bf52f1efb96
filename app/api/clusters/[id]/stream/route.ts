import { openHealthStream } from "@/lib/server/health-stream";
import { handleRoute } from "@/lib/server/route-handler";
import { getAlerts, getPoller } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return openHealthStream(getPoller(id), req.signal, getAlerts(id));
});
