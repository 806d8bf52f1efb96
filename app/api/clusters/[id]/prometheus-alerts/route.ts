import { NotFoundError } from "@/lib/errors";
import { prometheusClusterAlerts } from "@/lib/server/prometheus/cluster-alerts";
import { handleRoute } from "@/lib/server/route-handler";
import { getPoller } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const source = getPoller(id).config.prometheus;
  if (!source) throw new NotFoundError(`Cluster "${id}" has no prometheus source in the config`);
  return Response.json(await prometheusClusterAlerts(source));
});
