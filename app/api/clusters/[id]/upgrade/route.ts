import { latestMemberMetrics } from "@/lib/server/diagnosis/member-metrics";
import { handleRoute } from "@/lib/server/route-handler";
import { currentHealth, getPoller } from "@/lib/server/runtime";
import { assessUpgrade } from "@/lib/upgrade/assess-upgrade";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const poller = getPoller(id);
  return Response.json(assessUpgrade(await currentHealth(poller), latestMemberMetrics(poller)));
});
