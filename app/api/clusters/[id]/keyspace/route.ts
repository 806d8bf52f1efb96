import { requestSearch } from "@/lib/api/raw-query-header";
import { parseKeyspaceQuery } from "@/lib/keyspace/keyspace-query";
import { getKeyspaceIndex } from "@/lib/server/keyspace/keyspace-indexes";
import { keyspaceSummary } from "@/lib/server/keyspace/keyspace-summary";
import { handleRoute } from "@/lib/server/route-handler";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const index = getKeyspaceIndex(id);
  return Response.json(keyspaceSummary(index, parseKeyspaceQuery(requestSearch(req))));
});
